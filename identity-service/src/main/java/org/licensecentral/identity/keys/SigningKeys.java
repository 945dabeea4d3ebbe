package org.licensecentral.identity.keys;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA key that signs access tokens, kept as a JWK set file
 * ({@code licensecentral.identity.signing-key-file}: under {@code .local/} locally, a volume in
 * docker-compose) so that tokens issued before a restart still validate. Created with owner-only
 * permissions on first start; never committed.
 */
public final class SigningKeys {

    private SigningKeys() {}

    public static JWKSet loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return JWKSet.parse(Files.readString(file, UTF_8));
            }
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            JWKSet set = new JWKSet(key);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, set.toString(false), UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // A file system without POSIX permissions keeps its default.
            }
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot use the signing key " + file, e);
        }
    }
}
