package org.licensecentral.notification.licenses;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day (licensecentral.maintenance-reminders.cron), the maintenance reminders that are due.
 * Public, and its run too: ShedLock's proxy of it stands between the scheduler (or a test) and run.
 */
@Component
public class MaintenanceReminderJob {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceReminderJob.class);

    private final LicenseContacts contacts;
    private final Clock clock;

    public MaintenanceReminderJob(LicenseContacts contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    // One instance at a time; held for at least a minute, so that an instance whose clock is a
    // little behind does not start the same day's run again just after another finished it.
    @Scheduled(cron = "${licensecentral.maintenance-reminders.cron}", zone = "UTC")
    @SchedulerLock(name = "maintenance-reminders", lockAtLeastFor = "PT1M")
    public void run() {
        int sent = contacts.sendMaintenanceReminders(LocalDate.now(clock));
        log.info("maintenance reminders: {} sent", sent);
    }
}
