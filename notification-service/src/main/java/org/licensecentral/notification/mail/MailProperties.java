package org.licensecentral.notification.mail;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What every mail shows besides its own data ({@code licensecentral.mail}).
 *
 * @param from           the sender address
 * @param productName    the name the mails sign with
 * @param portalUrl      the portal's address (the gateway), which the links into the portal start with
 * @param storeUrl       the web store, where a renewal is bought (locally the local stack's store page)
 * @param supportAddress where the mails send questions, and the Reply-To
 */
@Validated
@ConfigurationProperties("licensecentral.mail")
public record MailProperties(
        @NotBlank @Email String from,
        @NotBlank String productName,
        @NotBlank String portalUrl,
        @NotBlank String storeUrl,
        @NotBlank @Email String supportAddress) {}
