package org.licensecentral.verifier;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class ActivationKeyVerifierTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String CLAIMS = "{\"activationId\":\"act-1\",\"licenseId\":\"lic-1\",\"fingerprint\":\"fp-1\","
            + "\"product\":\"BACKUP\",\"maintenanceUntil\":\"2027-11-01\",\"remoteManagement\":true,\"iat\":1795800000}";

    private final KeyPair key = newKey();
    private final KeyPair otherKey = newKey();

    @Test
    void aKeySignedForThisMachineIsValidAndGivesItsClaims() throws Exception {
        ActivationKeyVerifier.Result result = verifier(jwk("k1", key)).verify(sign("k1", key, CLAIMS), "fp-1");

        assertThat(result.valid()).isTrue();
        assertThat(result.claims()).containsEntry("licenseId", "lic-1").containsEntry("remoteManagement", true);
    }

    @Test
    void aChangedPayloadIsRejected() throws Exception {
        String[] parts = sign("k1", key, CLAIMS).split("\\.");
        String tampered = parts[0] + "." + B64.encodeToString(CLAIMS.replace("2027", "2099").getBytes(UTF_8)) + "." + parts[2];

        assertThat(verifier(jwk("k1", key)).verify(tampered, "fp-1").reason())
                .isEqualTo(ActivationKeyVerifier.Reason.BAD_SIGNATURE);
    }

    @Test
    void aKeySignedByAnotherKeyUnderTheSameIdIsRejected() throws Exception {
        assertThat(verifier(jwk("k1", key)).verify(sign("k1", otherKey, CLAIMS), "fp-1").reason())
                .isEqualTo(ActivationKeyVerifier.Reason.BAD_SIGNATURE);
    }

    @Test
    void anotherMachinesFingerprintIsRejected() throws Exception {
        assertThat(verifier(jwk("k1", key)).verify(sign("k1", key, CLAIMS), "fp-2").reason())
                .isEqualTo(ActivationKeyVerifier.Reason.WRONG_FINGERPRINT);
    }

    @Test
    void anUnknownKeyIdIsRejected() throws Exception {
        assertThat(verifier(jwk("k1", key)).verify(sign("k9", key, CLAIMS), "fp-1").reason())
                .isEqualTo(ActivationKeyVerifier.Reason.UNKNOWN_KEY_ID);
    }

    @Test
    void aJwksWithTheOldAndTheNewKeyVerifiesKeysOfBoth() throws Exception {
        ActivationKeyVerifier both = verifier(jwk("old", key) + "," + jwk("new", otherKey));

        assertThat(both.verify(sign("old", key, CLAIMS), "fp-1").valid()).isTrue();
        assertThat(both.verify(sign("new", otherKey, CLAIMS), "fp-1").valid()).isTrue();
    }

    @Test
    void anotherAlgorithmOrGarbageIsRejected() throws Exception {
        String none = B64.encodeToString("{\"alg\":\"none\",\"kid\":\"k1\"}".getBytes(UTF_8)) + "."
                + B64.encodeToString(CLAIMS.getBytes(UTF_8)) + ".";

        assertThat(verifier(jwk("k1", key)).verify(none, "fp-1").reason())
                .isEqualTo(ActivationKeyVerifier.Reason.UNSUPPORTED_ALGORITHM);
        assertThat(verifier(jwk("k1", key)).verify("not-a-key", "fp-1").reason())
                .isEqualTo(ActivationKeyVerifier.Reason.MALFORMED);
    }

    private static ActivationKeyVerifier verifier(String keys) {
        return ActivationKeyVerifier.fromJwks("{\"keys\":[" + keys + "]}");
    }

    private static String jwk(String kid, KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + kid + "\",\"x\":\""
                + B64.encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)) + "\"}";
    }

    private static String sign(String kid, KeyPair pair, String claims) throws Exception {
        String input = B64.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}").getBytes(UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(UTF_8));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(pair.getPrivate());
        signature.update(input.getBytes(US_ASCII));
        return input + "." + B64.encodeToString(signature.sign());
    }

    private static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
