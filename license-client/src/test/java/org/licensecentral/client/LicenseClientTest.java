package org.licensecentral.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licensecentral.verifier.ActivationKeyVerifier.Reason;
import org.licensecentral.verifier.DeactivationCode;

class LicenseClientTest {

    private static final String FINGERPRINT = "fp-this";

    @TempDir
    Path dir;

    private final TestKeys keys = new TestKeys();
    private final FakeLicenseCentral server = new FakeLicenseCentral().answer("keys", 200, keys.jwks());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anActivationStoresTheKeyAndTheJwksButNeitherLicenseKeyNorEmail() throws IOException {
        String key = keys.onlineKey(FINGERPRINT);
        server.answer("activations", 200, TestKeys.activated(key, "ONLINE"));

        client().activate("ann@example.com", "LK-SECRET", "5.3.1", "host-1");

        assertThat(stateFile().read()).hasValueSatisfying(state -> {
            assertThat(state.activationKey()).isEqualTo(key);
            assertThat(state.jwks()).isNotNull();
        });
        assertThat(Files.readString(stateFile().path()))
                .doesNotContain("LK-SECRET")
                .doesNotContain("ann@example.com");
    }

    @Test
    void aKeyForAnotherProductIsRefusedAndItsSeatGivenBack() {
        Map<String, Object> drive = TestKeys.lease(FINGERPRINT, "ONLINE", Instant.now(), Duration.ofDays(7));
        drive.put("aud", "DRIVE");
        server.answer("activations", 200, TestKeys.activated(keys.sign(drive), "ONLINE"))
                .answer("activations/release", 204, "");

        assertThatThrownBy(() -> client().activate("ann@example.com", "LK-1", "5.3.1", "host-1"))
                .isInstanceOfSatisfying(
                        KeyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_AUDIENCE));
        assertThat(server.requestsTo("activations/release")).hasSize(1);
        assertThat(stateFile().read()).isEmpty();
    }

    @Test
    void aCheckInReplacesTheStoredKey() {
        activated(keys.onlineKey(FINGERPRINT));
        String renewed = keys.sign(TestKeys.lease(FINGERPRINT, "ONLINE", Instant.now(), Duration.ofDays(7)));
        server.answer("activations/check-in", 200, TestKeys.activated(renewed, "ONLINE"));

        client().checkIn();

        assertThat(stateFile().read().orElseThrow().activationKey()).isEqualTo(renewed);
    }

    @Test
    void checkInAfterRevocationDeletesTheKey() {
        activated(keys.onlineKey(FINGERPRINT));
        server.answerProblem(
                "activations/check-in",
                403,
                "activation-revoked",
                "Deactivated.",
                Map.of("reason", "DEACTIVATED_BY_OWNER"));

        assertThatThrownBy(() -> client().checkIn()).isInstanceOf(ProblemException.class);
        assertThat(stateFile().read().orElseThrow().activated()).isFalse();
    }

    @Test
    void aCheckInRefusedForAnotherReasonKeepsTheKey() {
        String key = keys.onlineKey(FINGERPRINT);
        activated(key);
        server.answerProblem(
                "activations/check-in",
                403,
                "version-not-covered",
                "Not covered.",
                Map.of("newestAllowedVersion", "5.3.1"));

        assertThatThrownBy(() -> client().checkIn("6.0")).isInstanceOf(ProblemException.class);
        assertThat(stateFile().read().orElseThrow().activationKey()).isEqualTo(key);
    }

    @Test
    void aDeactivationThatCannotReachTheServerKeepsTheKey() {
        activated(keys.onlineKey(FINGERPRINT));
        server.close();

        assertThatThrownBy(() -> client().deactivate()).isInstanceOf(ServerUnavailableException.class);
        assertThat(stateFile().read().orElseThrow().activated()).isTrue();
    }

    @Test
    void theStatusOfAnExpiredLeaseSaysWhenItEnded() {
        Instant signed = Instant.parse("2026-03-01T12:00:00Z");
        activated(keys.sign(TestKeys.lease(FINGERPRINT, "ONLINE", signed, Duration.ofDays(7))));
        Clock later = Clock.fixed(signed.plus(Duration.ofDays(8)), ZoneOffset.UTC);

        assertThatThrownBy(() -> client(later).status()).isInstanceOfSatisfying(KeyRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.EXPIRED);
            assertThat(e.leaseEnds()).contains(signed.plus(Duration.ofDays(7)));
        });
    }

    @Test
    void anOfflineDeactivationGivesTheCodeOfTheKeysSecretAndDeletesTheKey() {
        activated(keys.onlineKey(FINGERPRINT));

        OfflineDeactivation deactivation = client().deactivateOffline();

        assertThat(DeactivationCode.matches(deactivation.code(), TestKeys.DEACTIVATION_SECRET, "act-1"))
                .isTrue();
        assertThat(stateFile().read().orElseThrow().activated()).isFalse();
    }

    @Test
    void anOfflineInstallWithoutAnyJwksIsRefused() {
        assertThatThrownBy(() -> client().installOffline(keys.onlineKey(FINGERPRINT)))
                .isInstanceOf(NoJwksException.class);
    }

    @Test
    void anOfflineRequestRefusesAVersionThatIsNoVersionNumber() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client().offlineRequest("ann@example.com", "LK-1", "5.x", "h"));
    }

    @Test
    void aStateFileOfAnotherProductIsRefused() {
        stateFile()
                .write(new State(
                        server.uri().toString(), Product.DRIVE, FINGERPRINT, null, null, null, null, Instant.now()));

        assertThatIllegalArgumentException().isThrownBy(() -> client().status()).withMessageContaining("DRIVE");
    }

    /** This machine as activated online with the key, the server's JWKS cached. */
    private void activated(String key) {
        stateFile()
                .write(new State(
                        server.uri().toString(),
                        Product.BACKUP,
                        FINGERPRINT,
                        "5.3.1",
                        "act-1",
                        key,
                        keys.jwks(),
                        Instant.now()));
    }

    private LicenseClient client() {
        return client(Clock.systemUTC());
    }

    private LicenseClient client(Clock clock) {
        return new LicenseClient(
                Product.BACKUP, server.uri(), FINGERPRINT, stateFile(), new ActivationApi(server.uri()), null, clock);
    }

    private StateFile stateFile() {
        return new StateFile(dir.resolve("backup.json"));
    }
}
