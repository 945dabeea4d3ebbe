package org.licensecentral.license.web;

/**
 * E-mail addresses as the portal shows them: {@code jo***@example.org}, enough to recognise one's
 * own address, not to learn someone else's.
 */
final class EmailMask {

    private EmailMask() {}

    static String mask(String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        return local.substring(0, Math.min(2, local.length())) + "***" + email.substring(at);
    }
}
