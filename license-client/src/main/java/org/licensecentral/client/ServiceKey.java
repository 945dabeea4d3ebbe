package org.licensecentral.client;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a machine without internet shows its user to paste into the portal: base64url without
 * padding of the UTF-8 JSON {@code {"v":1,"email","licenseKey","fingerprint","hostname",
 * "productVersion","nonce","createdAt"}}. The portal accepts a service key once, within 24 hours of
 * {@code createdAt}; the random nonce makes every request a new one.
 */
record ServiceKey(
        String email,
        String licenseKey,
        String fingerprint,
        String hostname,
        String productVersion,
        String nonce,
        Instant createdAt) {

    static final int VERSION = 1;
    private static final int NONCE_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    static ServiceKey create(
            String email, String licenseKey, String fingerprint, String hostname, String productVersion, Instant now) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return new ServiceKey(
                email, licenseKey, fingerprint, hostname, productVersion, BASE64URL.encodeToString(nonce), now);
    }

    String encoded() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", VERSION);
        json.put("email", email);
        json.put("licenseKey", licenseKey);
        json.put("fingerprint", fingerprint);
        json.put("hostname", hostname);
        json.put("productVersion", productVersion);
        json.put("nonce", nonce);
        json.put("createdAt", createdAt.toString());
        try {
            return BASE64URL.encodeToString(new ObjectMapper().writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is JSON", e);
        }
    }
}
