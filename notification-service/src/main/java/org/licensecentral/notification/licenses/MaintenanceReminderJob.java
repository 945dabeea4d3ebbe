package org.licensecentral.notification.licenses;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a day (licensecentral.maintenance-reminders.cron), the maintenance reminders that are due. */
@Component
class MaintenanceReminderJob {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceReminderJob.class);

    private final LicenseContacts contacts;
    private final Clock clock;

    MaintenanceReminderJob(LicenseContacts contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    @Scheduled(cron = "${licensecentral.maintenance-reminders.cron}", zone = "UTC")
    void run() {
        int sent = contacts.sendMaintenanceReminders(LocalDate.now(clock));
        log.info("maintenance reminders: {} sent", sent);
    }
}
