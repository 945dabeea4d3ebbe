package org.licensecentral.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Plays an installed product without internet: the service key it shows its user (activation-service README, v1). */
final class ServiceKeys {

    private ServiceKeys() {}

    static String v1(String email, String licenseKey, String hostname, String productVersion) {
        try {
            byte[] json = new ObjectMapper()
                    .writeValueAsBytes(Map.of(
                            "v",
                            1,
                            "email",
                            email,
                            "licenseKey",
                            licenseKey,
                            "fingerprint",
                            "fp-" + UUID.randomUUID(),
                            "hostname",
                            hostname,
                            "productVersion",
                            productVersion,
                            "nonce",
                            UUID.randomUUID().toString(),
                            "createdAt",
                            Instant.now().toString()));
            return new String(Base64.getUrlEncoder().withoutPadding().encode(json), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
