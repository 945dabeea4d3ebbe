package org.licensecentral.identity.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Password rules after NIST SP 800-63B: a length of 12 to 128, not one of the commonly breached
 * passwords ({@code common-passwords.txt}), not built from the e-mail address, and not a run of
 * one character or a keyboard or number sequence.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final String SEQUENCES = "0123456789 abcdefghijklmnopqrstuvwxyz qwertyuiopasdfghjklzxcvbnm";

    private final Set<String> common;

    public PasswordPolicy() {
        try (InputStream in = new ClassPathResource("common-passwords.txt").getInputStream()) {
            this.common = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(line -> line.trim().toLowerCase(Locale.ROOT))
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read common-passwords.txt", e);
        }
    }

    /** What is wrong with the password, if anything. */
    public Optional<String> problem(String password, String email) {
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of("must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.stream().anyMatch(word -> word.length() >= 8 && lower.contains(word))) {
            return Optional.of("is, or contains, a commonly used password");
        }
        String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
        if (local.length() >= 4 && lower.contains(local)) {
            return Optional.of("must not contain your e-mail address");
        }
        if (lower.chars().distinct().count() <= 3 || SEQUENCES.contains(lower)) {
            return Optional.of("must not be a run of one character or a sequence");
        }
        return Optional.empty();
    }
}
