package org.licensecentral.activation.command;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Failed license checks allowed within {@code window} ({@code licensecentral.activation.failed-attempts}),
 * then 429 with Retry-After ({@link FailedAttempts}).
 *
 * @param perAddress failures per client address: more than per key, since many installations can sit
 *                   behind one office's NAT
 * @param perKey     failures per license key from one client address
 * @param window     the time the counts cover
 */
@Validated
@ConfigurationProperties("licensecentral.activation.failed-attempts")
public record FailedAttemptLimits(
        @Positive int perAddress,
        @Positive int perKey,
        @NotNull Duration window) {}
