package org.licensecentral.notification.licenses;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a license, from {@code license.events}: whom to write to about it
 * (the purchase e-mail until it is attached, then the new owner's), and its maintenance. The
 * notice flags make the daily reminders go out once each per maintenance end.
 */
@Document("license_contacts")
public record LicenseContact(
        @Id String licenseId,
        String licenseKey,
        String productCode,
        String edition,
        String ownerEmail,
        LocalDate maintenanceUntil,
        boolean endingNoticeSent,
        boolean endedNoticeSent) {}
