package org.licensecentral.license.api;

import org.axonframework.serialization.Revision;

/**
 * The license now belongs to {@code toAccount}. {@code fromAccount} is null when nobody had attached
 * it before (it belonged to whoever verified {@code fromEmail}, the purchase e-mail).
 */
@Revision("1")
public record LicenseAttachedEvent(
        String licenseId, String fromAccount, String fromEmail, String toAccount, String toEmail) {}
