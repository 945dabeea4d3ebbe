package org.licensecentral.notification.licenses;

import java.time.Period;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When the maintenance reminders go out ({@code licensecentral.maintenance-reminders}).
 *
 * @param cron         when the daily job runs, in UTC; {@code @Scheduled} reads it by its placeholder, since an
 *                     annotation takes no bean, and this record checks at start that it is set
 * @param endingNotice how long before its maintenance ends a license's owner is told that it will
 */
@Validated
@ConfigurationProperties("licensecentral.maintenance-reminders")
public record ReminderProperties(
        @NotBlank String cron, @NotNull Period endingNotice) {}
