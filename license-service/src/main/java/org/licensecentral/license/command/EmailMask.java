package org.licensecentral.license.command;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * E-mail addresses as the portal shows them: {@code jo***@example.org}, enough to recognise one's
 * own address, not to learn someone else's.
 */
public final class EmailMask {

    private static final List<String> COMMON_DOMAINS =
            List.of("gmail.com", "outlook.com", "yahoo.com", "gmx.de", "web.de", "icloud.com", "hotmail.com", "aol.com");

    private EmailMask() {
    }

    public static String mask(String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        return local.substring(0, Math.min(2, local.length())) + "***" + email.substring(at);
    }

    /**
     * A masked address for an attach request that matched nothing, in the same form as a real one
     * and the same for the same input (keyed HMAC), so the answer does not tell whether a purchase
     * id or license key exists.
     */
    public static String plausible(byte[] key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] h = mac.doFinal(input.getBytes(UTF_8));
            String local = "" + (char) ('a' + Math.floorMod(h[0], 26)) + (char) ('a' + Math.floorMod(h[1], 26));
            return local + "***@" + COMMON_DOMAINS.get(Math.floorMod(h[2], COMMON_DOMAINS.size()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
