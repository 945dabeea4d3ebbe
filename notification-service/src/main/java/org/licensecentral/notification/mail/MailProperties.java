package org.licensecentral.notification.mail;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** What every mail shows besides its own data: sender, product name, the portal's address, the support address. */
@Validated
@ConfigurationProperties("licensecentral.mail")
public record MailProperties(
        @NotBlank @Email String from,
        @NotBlank String productName,
        @NotBlank String portalUrl,
        @NotBlank @Email String supportAddress) {}
