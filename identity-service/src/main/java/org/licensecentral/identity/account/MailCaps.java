package org.licensecentral.identity.account;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Verification and reset mails per account and kind ({@code licensecentral.identity.mail-caps},
 * issue 15, finding 8): past the cap a request is answered as always but nothing is sent.
 *
 * @param perAccount mails of one kind to one account within {@code window}
 * @param window     the time {@code perAccount} covers
 */
@Validated
@ConfigurationProperties("licensecentral.identity.mail-caps")
public record MailCaps(@Positive int perAccount, @NotNull Duration window) {}
