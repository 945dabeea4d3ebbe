package org.licensecentral.verifier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.licensecentral.verifier.TestKeys.B64;
import static org.licensecentral.verifier.TestKeys.jwk;
import static org.licensecentral.verifier.TestKeys.jwks;
import static org.licensecentral.verifier.TestKeys.lease;
import static org.licensecentral.verifier.TestKeys.sign;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.licensecentral.verifier.ActivationKeyVerifier.Expected;
import org.licensecentral.verifier.ActivationKeyVerifier.Reason;
import org.licensecentral.verifier.ActivationKeyVerifier.Result;

class ActivationKeyVerifierTest {

    private static final Instant SIGNED = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant ENDS = SIGNED.plus(Duration.ofDays(7));
    private static final Instant NOW = SIGNED.plus(Duration.ofDays(1));
    private static final Duration SKEW = ActivationKeyVerifier.DEFAULT_CLOCK_SKEW;
    private static final Expected THIS_MACHINE = Expected.of("BACKUP", "fp-1");

    private final KeyPair key = TestKeys.newKey();
    private final KeyPair otherKey = TestKeys.newKey();
    private final ActivationKeyVerifier verifier = ActivationKeyVerifier.fromJwks(jwks(jwk("k1", key)));

    @Test
    void aLeaseForThisProductAndMachineIsValidAndGivesItsClaims() {
        Result result = verifier.verify(signed(lease(SIGNED, ENDS)), THIS_MACHINE, NOW);

        assertThat(result.valid()).isTrue();
        assertThat(result.claims()).containsEntry("licenseId", "lic-1").containsEntry("remoteManagement", true);
    }

    @Test
    void aValidLeaseGivesItsEnd() {
        assertThat(verifier.verify(signed(lease(SIGNED, ENDS)), THIS_MACHINE, NOW)
                        .leaseEnds())
                .isEqualTo(ENDS);
    }

    @Test
    void aChangedPayloadHasABadSignature() {
        String[] parts = signed(lease(SIGNED, ENDS)).split("\\.");
        Map<String, Object> longer = lease(SIGNED, ENDS.plus(Duration.ofDays(300)));
        String tampered =
                parts[0] + "." + B64.encodeToString(TestKeys.json(longer).getBytes(UTF_8)) + "." + parts[2];

        assertThat(verifier.verify(tampered, THIS_MACHINE, NOW).reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aKeySignedByAnotherKeyUnderTheSameIdHasABadSignature() {
        String forged = sign("k1", otherKey, lease(SIGNED, ENDS));

        assertThat(verifier.verify(forged, THIS_MACHINE, NOW).reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void anUnknownKeyIdIsRejected() {
        assertThat(verifier.verify(sign("k9", key, lease(SIGNED, ENDS)), THIS_MACHINE, NOW)
                        .reason())
                .isEqualTo(Reason.UNKNOWN_KEY_ID);
    }

    @Test
    void aJwksWithTheOldAndTheNewKeyVerifiesKeysOfBoth() {
        ActivationKeyVerifier both = ActivationKeyVerifier.fromJwks(jwks(jwk("old", key), jwk("new", otherKey)));

        assertThat(both.verify(sign("old", key, lease(SIGNED, ENDS)), THIS_MACHINE, NOW)
                        .valid())
                .isTrue();
        assertThat(both.verify(sign("new", otherKey, lease(SIGNED, ENDS)), THIS_MACHINE, NOW)
                        .valid())
                .isTrue();
    }

    @Test
    void anUnsignedKeyIsAnUnsupportedAlgorithm() {
        String none = B64.encodeToString("{\"alg\":\"none\",\"kid\":\"k1\"}".getBytes(UTF_8)) + "."
                + B64.encodeToString(TestKeys.json(lease(SIGNED, ENDS)).getBytes(UTF_8)) + ".";

        assertThat(verifier.verify(none, THIS_MACHINE, NOW).reason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void textThatIsNoJwsIsMalformed() {
        assertThat(verifier.verify("not-a-key", THIS_MACHINE, NOW).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aSignedKeyWithoutALeaseEndIsMalformed() {
        Map<String, Object> claims = lease(SIGNED, ENDS);
        claims.remove("exp");

        assertThat(verifier.verify(signed(claims), THIS_MACHINE, NOW).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aKeyOfAnotherIssuerIsRejected() {
        Map<String, Object> claims = lease(SIGNED, ENDS);
        claims.put("iss", "someone-else");

        assertThat(verifier.verify(signed(claims), THIS_MACHINE, NOW).reason()).isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void aConfiguredIssuerIsExpectedInsteadOfTheDefault() {
        Map<String, Object> claims = lease(SIGNED, ENDS);
        claims.put("iss", "licenses.example.com");

        assertThat(verifier.verify(signed(claims), new Expected("licenses.example.com", "BACKUP", "fp-1"), NOW)
                        .valid())
                .isTrue();
    }

    @Test
    void aKeyForAnotherProductHasTheWrongAudience() {
        assertThat(verifier.verify(signed(lease(SIGNED, ENDS)), Expected.of("DRIVE", "fp-1"), NOW)
                        .reason())
                .isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void anAudienceListThatNamesTheProductIsAccepted() {
        Map<String, Object> claims = lease(SIGNED, ENDS);
        claims.put("aud", List.of("EXPLORER", "BACKUP"));

        assertThat(verifier.verify(signed(claims), THIS_MACHINE, NOW).valid()).isTrue();
    }

    @Test
    void aLeaseStartingLaterThanTheSkewIsNotYetValid() {
        Instant signedAhead = NOW.plus(SKEW).plusSeconds(1);

        assertThat(verifier.verify(signed(lease(signedAhead, ENDS)), THIS_MACHINE, NOW)
                        .reason())
                .isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void aLeaseStartingExactlyTheSkewAheadIsValid() {
        Instant signedAhead = NOW.plus(SKEW);

        assertThat(verifier.verify(signed(lease(signedAhead, ENDS)), THIS_MACHINE, NOW)
                        .valid())
                .isTrue();
    }

    @Test
    void aLeaseIsValidUntilJustBeforeItsEndPlusTheSkew() {
        Instant lastSecond = ENDS.plus(SKEW).minusSeconds(1);

        assertThat(verifier.verify(signed(lease(SIGNED, ENDS)), THIS_MACHINE, lastSecond)
                        .valid())
                .isTrue();
    }

    @Test
    void aLeaseHasExpiredAtItsEndPlusTheSkew() {
        assertThat(verifier.verify(signed(lease(SIGNED, ENDS)), THIS_MACHINE, ENDS.plus(SKEW))
                        .reason())
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    void aClockSkewOfZeroEndsTheLeaseAtItsEnd() {
        ActivationKeyVerifier strict = verifier.withClockSkew(Duration.ZERO);

        assertThat(strict.verify(signed(lease(SIGNED, ENDS)), THIS_MACHINE, ENDS)
                        .reason())
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    void anExpiredLeaseStillTellsWhenItEnded() {
        Result expired = verifier.verify(signed(lease(SIGNED, ENDS)), THIS_MACHINE, ENDS.plus(Duration.ofDays(1)));

        assertThat(expired.leaseEnds()).isEqualTo(ENDS);
        assertThat(expired.claims()).isEmpty();
    }

    @Test
    void anotherMachinesFingerprintIsRejected() {
        assertThat(verifier.verify(signed(lease(SIGNED, ENDS)), Expected.of("BACKUP", "fp-2"), NOW)
                        .reason())
                .isEqualTo(Reason.WRONG_FINGERPRINT);
    }

    @Test
    void theFirstFailedCheckInTheFixedOrderIsReported() {
        Expected otherProductAndMachine = Expected.of("DRIVE", "fp-2");

        assertThat(verifier.verify(signed(lease(SIGNED, ENDS)), otherProductAndMachine, ENDS.plus(Duration.ofDays(1)))
                        .reason())
                .isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void theSignatureAloneIgnoresTheLeaseTimesProductAndMachine() {
        Instant longAgo = SIGNED.minus(Duration.ofDays(400));
        Result result = verifier.verifySignature(signed(lease(longAgo, longAgo.plus(Duration.ofDays(7)))));

        assertThat(result.valid()).isTrue();
        assertThat(result.claims()).containsEntry("sub", "act-1");
    }

    @Test
    void theSignatureAloneStillRejectsAForgedKey() {
        assertThat(verifier.verifySignature(sign("k1", otherKey, lease(SIGNED, ENDS)))
                        .reason())
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    private String signed(Map<String, Object> claims) {
        return sign("k1", key, claims);
    }
}
