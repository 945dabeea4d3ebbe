package org.licensecentral.verifier;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Signing keys made with the JDK, and activation keys signed the way activation-service signs them. */
final class TestKeys {

    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestKeys() {}

    static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a fresh online lease of BACKUP for fingerprint fp-1, signed at {@code signedAt}. */
    static Map<String, Object> lease(Instant signedAt, Instant leaseEnds) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "license-central");
        claims.put("aud", "BACKUP");
        claims.put("sub", "act-1");
        claims.put("iat", signedAt.getEpochSecond());
        claims.put("nbf", signedAt.getEpochSecond());
        claims.put("exp", leaseEnds.getEpochSecond());
        claims.put("licenseId", "lic-1");
        claims.put("fingerprint", "fp-1");
        claims.put("mode", "ONLINE");
        claims.put("maxVersion", "5.3.1");
        claims.put("maintenanceUntil", "2027-11-01");
        claims.put("remoteManagement", true);
        return claims;
    }

    static String jwks(String... jwks) {
        return "{\"keys\":[" + String.join(",", jwks) + "]}";
    }

    static String jwk(String kid, KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + kid + "\",\"x\":\""
                + B64.encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)) + "\"}";
    }

    static String sign(String kid, KeyPair pair, Map<String, Object> claims) {
        return signJson(kid, pair, json(claims));
    }

    static String signJson(String kid, KeyPair pair, String claims) {
        String input =
                B64.encodeToString(("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}").getBytes(UTF_8))
                        + "." + B64.encodeToString(claims.getBytes(UTF_8));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(pair.getPrivate());
            signature.update(input.getBytes(US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Map<String, Object> claims) {
        try {
            return JSON.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
