package org.licensecentral.client;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One signing key of a License Central, made with the JDK, and leases signed with it. */
public final class TestKeys {

    public static final byte[] DEACTIVATION_SECRET = new byte[32];
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair pair;

    public TestKeys() {
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwks() {
        byte[] encoded = pair.getPublic().getEncoded();
        return "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k1\",\"x\":\""
                + B64.encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)) + "\"}]}";
    }

    /** The claims of a lease of BACKUP for a fingerprint, signed now, as activation-service makes them. */
    public static Map<String, Object> lease(String fingerprint, String mode, Instant signedAt, Duration length) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "license-central");
        claims.put("aud", "BACKUP");
        claims.put("sub", "act-1");
        claims.put("iat", signedAt.getEpochSecond());
        claims.put("nbf", signedAt.getEpochSecond());
        claims.put("exp", signedAt.plus(length).getEpochSecond());
        claims.put("licenseId", "lic-1");
        claims.put("edition", "Professional");
        claims.put("fingerprint", fingerprint);
        claims.put("mode", mode);
        claims.put("maxVersion", "5.3.1");
        claims.put("maintenanceUntil", "2027-11-01");
        claims.put("remoteManagement", true);
        claims.put("dsec", B64.encodeToString(DEACTIVATION_SECRET));
        return claims;
    }

    /** An online lease of seven days for the fingerprint, signed a minute ago. */
    public String onlineKey(String fingerprint) {
        return sign(lease(fingerprint, "ONLINE", Instant.now().minusSeconds(60), Duration.ofDays(7)));
    }

    public String sign(Map<String, Object> claims) {
        String input = B64.encodeToString("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"k1\"}".getBytes(UTF_8)) + "."
                + B64.encodeToString(json(claims).getBytes(UTF_8));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(pair.getPrivate());
            signature.update(input.getBytes(US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** activation-service's answer to an activation or check-in that issued the key. */
    public static String activated(String activationKey, String mode) {
        return "{\"activationId\":\"act-1\",\"activationKey\":\"" + activationKey + "\",\"mode\":\"" + mode
                + "\",\"leaseEnds\":\"2030-01-01T00:00:00Z\",\"maintenanceUntil\":\"2027-11-01\",\"maxVersion\":\"5.3.1\","
                + "\"remoteManagement\":true}";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
