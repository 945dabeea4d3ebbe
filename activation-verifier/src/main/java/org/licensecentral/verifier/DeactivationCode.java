package org.licensecentral.verifier;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The proof an offline machine prints when it removes its activation key, and the portal takes to
 * free its seat at once: Crockford base32 of the first 80 bits of HMAC-SHA256(key = the
 * activation's {@code dsec}, message = UTF-8 "deactivate " + activation id), most significant bit
 * first, in four groups of four, e.g. {@code 7KQ2-M9ZD-XW4P-1RTA}. The machine holds the secret
 * only in its key, so a code proves the key was on the machine; 80 bits cannot be guessed.
 *
 * <p>The server and the client both use this class, so the two sides cannot disagree on the form.
 */
public final class DeactivationCode {

    /** Crockford's base32 (https://www.crockford.com/base32.html): no I, L, O, U to misread. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static final int BYTES = 10;
    private static final int CHARACTERS = BYTES * 8 / 5;
    private static final int GROUP = 4;

    private DeactivationCode() {}

    /** The code of an activation, as printed: {@code XXXX-XXXX-XXXX-XXXX}. */
    public static String of(byte[] secret, String activationId) {
        byte[] mac = hmacSha256(secret, ("deactivate " + activationId).getBytes(UTF_8));
        StringBuilder code = new StringBuilder(CHARACTERS);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < BYTES; i++) {
            buffer = (buffer << 8) | (mac[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                code.append(ALPHABET.charAt((buffer >> bits) & 0x1f));
            }
        }
        return grouped(code.toString());
    }

    /**
     * Whether a typed code is the activation's, read as {@link #parse} reads it. The comparison
     * takes the same time wherever the codes differ, so timing tells nothing about the right code.
     */
    public static boolean matches(String typedCode, byte[] secret, String activationId) {
        String typed;
        try {
            typed = parse(typedCode);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(
                typed.getBytes(US_ASCII), of(secret, activationId).getBytes(US_ASCII));
    }

    /**
     * A code as a person types it, in the printed form: case, spaces and dashes do not matter, and
     * {@code I} and {@code L} are read as {@code 1}, {@code O} as {@code 0}, as Crockford
     * prescribes. Anything but 16 characters of the alphabet is an IllegalArgumentException.
     */
    public static String parse(String typedCode) {
        StringBuilder code = new StringBuilder(CHARACTERS);
        for (char c : typedCode.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char read = switch (c) {
                case 'I', 'L' -> '1';
                case 'O' -> '0';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                throw new IllegalArgumentException("'" + c + "' is not a character of a deactivation code");
            }
            code.append(read);
        }
        if (code.length() != CHARACTERS) {
            throw new IllegalArgumentException(
                    "a deactivation code has " + CHARACTERS + " characters, not " + code.length());
        }
        return grouped(code.toString());
    }

    private static String grouped(String code) {
        StringBuilder grouped = new StringBuilder(CHARACTERS + CHARACTERS / GROUP - 1);
        for (int i = 0; i < CHARACTERS; i += GROUP) {
            if (i > 0) {
                grouped.append('-');
            }
            grouped.append(code, i, i + GROUP);
        }
        return grouped.toString();
    }

    private static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
