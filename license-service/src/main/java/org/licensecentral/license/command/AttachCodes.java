package org.licensecentral.license.command;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Attach confirmation codes: 8 symbols from the license keys' alphabet without look-alikes (about
 * 40 bits), short enough to type from a mail, with a few attempts ({@link AttachLimits#codeAttempts()})
 * before the request locks. The length is the code's format, which the mail and the portal's input
 * are made for, so it is no setting.
 */
@Component
public class AttachCodes {

    static final int LENGTH = 8;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(LicenseKeys.SYMBOLS.charAt(random.nextInt(LicenseKeys.SYMBOLS.length())));
        }
        return code.toString();
    }
}
