package org.licensecentral.activation.keys;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.licensecentral.verifier.DeactivationCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each activation's deactivation secret, carried in its activation key ({@code dsec}): an offline
 * machine that removes its key prints the code {@link DeactivationCode} derives from it, and the
 * portal frees the seat with that code. The secret is HMAC-SHA256 of the activation id under one
 * key of this service ({@value #FILE_NAME} in the signing keys' directory, created on first start,
 * owner-only), so no secret is stored per activation and every instance with the directory agrees.
 */
@Component
public class DeactivationSecrets {

    static final String FILE_NAME = "deactivation-secret.key";

    private final SecretKeySpec key;

    public DeactivationSecrets(@Value("${licensecentral.activation.signing-keys-dir}") Path directory) {
        this.key = new SecretKeySpec(loadOrCreate(directory.resolve(FILE_NAME)), "HmacSHA256");
    }

    /** The activation's secret, 32 bytes. */
    public byte[] secretOf(String activationId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("activation " + activationId).getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether a code typed in the portal is the one the activation's machine printed. */
    public boolean matches(String typedCode, String activationId) {
        return DeactivationCode.matches(typedCode, secretOf(activationId), activationId);
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                KeyFiles.writeOwnerOnly(file, Base64.getEncoder().encodeToString(secret) + "\n");
            }
            return Base64.getDecoder().decode(Files.readString(file, UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
