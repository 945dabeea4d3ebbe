package org.licensecentral.identity.account;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The mailed verification and reset codes ({@code licensecentral.identity.codes}): eight symbols
 * of 31 give about 2^40 codes, so a handful of tries within a short lifetime cannot find one.
 *
 * @param lifetime how long a mailed code is accepted
 * @param attempts tries per code; the one after the last fails whatever the code
 */
@Validated
@ConfigurationProperties("licensecentral.identity.codes")
public record CodeLimits(
        @NotNull Duration lifetime, @Positive int attempts) {}
