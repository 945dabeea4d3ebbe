package org.licensecentral.activation.command;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an installed product without internet shows its user to paste into the portal: base64url
 * (no padding) of a JSON object, version 1:
 * {@code {"v":1,"email","licenseKey","fingerprint","hostname","productVersion","nonce","createdAt"}}.
 * Documented in activation-service/README.md.
 */
public record ServiceKey(
        Integer v,
        String email,
        String licenseKey,
        String fingerprint,
        String hostname,
        String productVersion,
        String nonce,
        Instant createdAt) {

    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\p{Cc}");

    public static ServiceKey decode(String serviceKey, ObjectMapper json) {
        ServiceKey key;
        try {
            key = json.readValue(Base64.getUrlDecoder().decode(serviceKey.trim()), ServiceKey.class);
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidServiceKeyException("not a base64url-encoded JSON service key");
        }
        if (key.v() == null || key.v() != 1) {
            throw new InvalidServiceKeyException(
                    "unknown service key version " + key.v() + "; this portal reads version 1");
        }
        if (blank(key.licenseKey())
                || blank(key.fingerprint())
                || blank(key.hostname())
                || blank(key.productVersion())
                || blank(key.nonce())
                || key.createdAt() == null) {
            throw new InvalidServiceKeyException(
                    "a service key names the license key, fingerprint, hostname, version, a nonce and its creation time");
        }
        if (CONTROL_CHARACTER.matcher(key.fingerprint() + key.hostname()).find()) {
            // The host name ends up in the owner's mail and the portal, as it does from an online activation.
            throw new InvalidServiceKeyException(
                    "a service key's fingerprint and hostname must not contain control characters");
        }
        return key;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
