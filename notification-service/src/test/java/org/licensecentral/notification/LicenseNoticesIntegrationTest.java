package org.licensecentral.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licensecentral.notification.MailRequestsDriver.awaitMails;
import static org.licensecentral.notification.MailRequestsDriver.mailsTo;
import static org.licensecentral.notification.MailRequestsDriver.newAddress;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.licensecentral.notification.licenses.LicenseContacts;
import org.licensecentral.notification.licenses.MaintenanceReminderJob;
import org.licensecentral.testsupport.EventSchemas;

import org.springframework.beans.factory.annotation.Autowired;

/** Mails that follow from license.events and activation.events, with messages that conform to their published schemas. */
class LicenseNoticesIntegrationTest extends NotificationServiceIntegrationTest {

    private static final String ISSUED = "org.licensecentral.license.license-issued.v1";
    private static final String ATTACHED = "org.licensecentral.license.license-attached.v1";
    private static final String ACTIVATED = "org.licensecentral.activation.machine-activated.v1";

    @Autowired
    LicenseContacts contacts;

    @Autowired
    MaintenanceReminderJob reminderJob;

    @Autowired
    LockProvider locks;

    @Test
    void theOwnerHearsOfAMachineActivatedOnTheLicense() throws Exception {
        String owner = newAddress();
        String licenseId = issue(owner, LocalDate.of(2027, 11, 1));

        activate(licenseId, "office-pc");

        MimeMessage message = awaitMails(mail, owner, 1).get(0);
        assertThat(message.getSubject()).isEqualTo("A machine was activated on your Backup license");
        assertThat(GreenMailUtil.getBody(message)).contains("office-pc").contains("XYZ23");
    }

    @Test
    void afterAnAttachTheNewOwnerHearsOfActivations() throws Exception {
        String buyer = newAddress();
        String newOwner = newAddress();
        String licenseId = issue(buyer, LocalDate.of(2027, 11, 1));
        String attached = "{\"licenseId\":\"" + licenseId + "\",\"fromAccount\":null,\"fromEmail\":\"" + buyer
                + "\",\"toAccount\":\"acc-b\",\"toEmail\":\"" + newOwner + "\"}";
        assertThat(EventSchemas.errors(ATTACHED, attached)).isEmpty();
        driver.fact("license.events", ATTACHED, licenseId, attached);
        // The two topics are not ordered against each other; this test is about who is written to after the attach.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.find(licenseId)
                        .map(c -> c.ownerEmail().equals(newOwner))
                        .orElse(false));

        activate(licenseId, "laptop");

        awaitMails(mail, newOwner, 1);
        assertThat(mailsTo(mail, buyer)).isEmpty();
    }

    @Test
    void maintenanceRemindersGoOutOnceEach() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String endingSoon = newAddress();
        String ended = newAddress();
        String later = newAddress();
        String endingId = issue(endingSoon, today.plusDays(10));
        String endedId = issue(ended, today.minusDays(1));
        String laterId = issue(later, today.plusDays(200));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.find(endingId).isPresent()
                        && contacts.find(endedId).isPresent()
                        && contacts.find(laterId).isPresent());

        contacts.sendMaintenanceReminders(today);
        contacts.sendMaintenanceReminders(today);

        assertThat(awaitMails(mail, endingSoon, 1))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject())
                        .contains("ends on "
                                + today.plusDays(10)
                                        .format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH))));
        assertThat(awaitMails(mail, ended, 1))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("has ended"));
        assertThat(mailsTo(mail, later)).isEmpty();
    }

    @Test
    void theDailyReminderJobDoesNotRunWhileAnotherInstanceRunsIt() throws Exception {
        String endingSoon = newAddress();
        String licenseId = issue(endingSoon, LocalDate.now(ZoneOffset.UTC).plusDays(10));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.find(licenseId).isPresent());
        // Another instance's run: it holds the job's lock.
        SimpleLock otherInstance = locks.lock(new LockConfiguration(
                        Instant.now(), "maintenance-reminders", Duration.ofMinutes(5), Duration.ZERO))
                .orElseThrow();

        reminderJob.run(); // sends synchronously, if it runs at all

        assertThat(mailsTo(mail, endingSoon)).isEmpty();
        otherInstance.unlock();
        reminderJob.run();
        assertThat(awaitMails(mail, endingSoon, 1)).hasSize(1);
    }

    private String issue(String purchaseEmail, LocalDate maintenanceUntil) throws Exception {
        String licenseId = UUID.randomUUID().toString();
        String issued = "{\"licenseId\":\"" + licenseId + "\",\"licenseKey\":\"ABCDE-FGHJK-MNPQR-STUVW-XYZ23\","
                + "\"purchaseId\":\"P-1\",\"purchaseEmail\":\"" + purchaseEmail + "\",\"productCode\":\"BACKUP\","
                + "\"edition\":\"Home\",\"maxActivations\":1,\"purchasedAt\":\"2025-01-01T10:00:00Z\","
                + "\"maintenanceUntil\":\"" + maintenanceUntil + "\",\"remoteManagementSince\":\"5.2\"}";
        assertThat(EventSchemas.errors(ISSUED, issued)).isEmpty();
        driver.fact("license.events", ISSUED, licenseId, issued);
        return licenseId;
    }

    private void activate(String licenseId, String hostname) throws Exception {
        String activated = "{\"activationId\":\"" + UUID.randomUUID() + "\",\"licenseId\":\"" + licenseId
                + "\",\"fingerprint\":\"fp\",\"hostname\":\"" + hostname + "\",\"productVersion\":\"5.3.1\","
                + "\"mode\":\"ONLINE\",\"at\":\"2026-11-27T10:00:00Z\",\"activeActivations\":1}";
        assertThat(EventSchemas.errors(ACTIVATED, activated)).isEmpty();
        driver.fact("activation.events", ACTIVATED, licenseId, activated);
    }
}
