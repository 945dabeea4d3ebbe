package org.licensecentral.license.command;

import java.security.SecureRandom;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * License keys: 25 symbols from a 31-symbol alphabet without look-alikes (no 0/O, 1/I/L), about
 * 124 bits from {@link SecureRandom}, in five groups of five for reading aloud and typing.
 */
@Component
public class LicenseKeys {

    static final String SYMBOLS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int GROUPS = 5;
    private static final int GROUP_LENGTH = 5;

    private final SecureRandom random = new SecureRandom();

    /** A key as typed or sent (spaces around it, lower case) in the form it is stored and looked up in. */
    public static String normalise(String key) {
        return key.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * The key's last group, which tells one license from another where the whole key, which
     * activates the product, has no business: on a mail, in an answer that lists what was attached.
     */
    public static String lastGroup(String key) {
        return key.substring(key.lastIndexOf('-') + 1);
    }

    public String next() {
        StringBuilder key = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                key.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                key.append(SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
            }
        }
        return key.toString();
    }
}
