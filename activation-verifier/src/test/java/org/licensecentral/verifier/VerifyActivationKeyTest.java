package org.licensecentral.verifier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.licensecentral.verifier.TestKeys.jwk;
import static org.licensecentral.verifier.TestKeys.jwks;
import static org.licensecentral.verifier.TestKeys.lease;
import static org.licensecentral.verifier.TestKeys.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyActivationKeyTest {

    private static final Instant SIGNED = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant ENDS = SIGNED.plus(Duration.ofDays(7));

    @TempDir
    Path dir;

    private final KeyPair key = TestKeys.newKey();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aValidKeyPrintsValidWithTheLeaseEndAndTheClaims() throws IOException {
        int exit = run(SIGNED, sign("k1", key, lease(SIGNED, ENDS)), jwksFile(), "fp-1", "BACKUP");

        assertThat(exit).isZero();
        assertThat(out()).startsWith("VALID until 2026-03-08T12:00:00Z {").contains("\"licenseId\":\"lic-1\"");
    }

    @Test
    void anExpiredKeyPrintsInvalidWithTheReason() throws IOException {
        int exit =
                run(ENDS.plus(Duration.ofDays(1)), sign("k1", key, lease(SIGNED, ENDS)), jwksFile(), "fp-1", "BACKUP");

        assertThat(exit).isEqualTo(1);
        assertThat(out()).isEqualTo("INVALID EXPIRED\n");
    }

    @Test
    void aKeyIsReadFromAFile() throws IOException {
        Path keyFile = Files.writeString(dir.resolve("key.txt"), sign("k1", key, lease(SIGNED, ENDS)) + "\n");

        assertThat(run(SIGNED, keyFile.toString(), jwksFile(), "fp-1", "BACKUP"))
                .isZero();
    }

    @Test
    void theIssuerOptionReplacesTheDefaultIssuer() throws IOException {
        Map<String, Object> claims = lease(SIGNED, ENDS);
        claims.put("iss", "licenses.example.com");

        assertThat(run(
                        SIGNED,
                        "--issuer",
                        "licenses.example.com",
                        sign("k1", key, claims),
                        jwksFile(),
                        "fp-1",
                        "BACKUP"))
                .isZero();
    }

    @Test
    void aClockSkewOfZeroReportsALeaseAsExpiredAtItsEnd() throws IOException {
        int exit = run(ENDS, "--clock-skew", "0", sign("k1", key, lease(SIGNED, ENDS)), jwksFile(), "fp-1", "BACKUP");

        assertThat(exit).isEqualTo(1);
        assertThat(out()).isEqualTo("INVALID EXPIRED\n");
    }

    @Test
    void aNegativeClockSkewIsAUsageError() throws IOException {
        assertThat(run(
                        SIGNED,
                        "--clock-skew",
                        "-1",
                        sign("k1", key, lease(SIGNED, ENDS)),
                        jwksFile(),
                        "fp-1",
                        "BACKUP"))
                .isEqualTo(2);
    }

    @Test
    void aMissingArgumentIsAUsageError() throws IOException {
        assertThat(run(SIGNED, sign("k1", key, lease(SIGNED, ENDS)), jwksFile(), "fp-1"))
                .isEqualTo(2);
        assertThat(err()).startsWith("usage:");
    }

    @Test
    void aJwksFileThatCannotBeReadIsAUsageError() {
        assertThat(run(
                        SIGNED,
                        sign("k1", key, lease(SIGNED, ENDS)),
                        dir.resolve("none.json").toString(),
                        "fp-1",
                        "BACKUP"))
                .isEqualTo(2);
        assertThat(err()).contains("as a JWKS");
    }

    private int run(Instant now, String... args) {
        return VerifyActivationKey.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), now);
    }

    private String jwksFile() throws IOException {
        return Files.writeString(dir.resolve("jwks.json"), jwks(jwk("k1", key))).toString();
    }

    private String out() {
        return out.toString(UTF_8).replace(System.lineSeparator(), "\n");
    }

    private String err() {
        return err.toString(UTF_8);
    }
}
