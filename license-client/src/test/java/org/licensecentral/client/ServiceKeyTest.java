package org.licensecentral.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ServiceKeyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aServiceKeyIsBase64UrlWithoutPadding() {
        assertThat(serviceKey()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aServiceKeyIsTheRequestAsJsonOfVersionOne() throws IOException {
        JsonNode json = decoded(serviceKey());

        assertThat(json.path("v").asInt()).isEqualTo(1);
        assertThat(json.path("email").asText()).isEqualTo("ann@example.com");
        assertThat(json.path("licenseKey").asText()).isEqualTo("LK-1");
        assertThat(json.path("fingerprint").asText()).isEqualTo("fp-1");
        assertThat(json.path("hostname").asText()).isEqualTo("host-1");
        assertThat(json.path("productVersion").asText()).isEqualTo("5.3.1");
    }

    @Test
    void aServiceKeyNamesWhenItWasCreated() throws IOException {
        assertThat(Instant.parse(decoded(serviceKey()).path("createdAt").asText()))
                .isEqualTo(NOW);
    }

    @Test
    void theNonceIsSixteenBytesOfBase64Url() throws IOException {
        assertThat(Base64.getUrlDecoder()
                        .decode(decoded(serviceKey()).path("nonce").asText()))
                .hasSize(16);
    }

    @Test
    void twoServiceKeysOfTheSameRequestDiffer() throws IOException {
        assertThat(decoded(serviceKey()).path("nonce"))
                .isNotEqualTo(decoded(serviceKey()).path("nonce"));
    }

    private static String serviceKey() {
        return ServiceKey.create("ann@example.com", "LK-1", "fp-1", "host-1", "5.3.1", NOW)
                .encoded();
    }

    private static JsonNode decoded(String serviceKey) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(serviceKey));
    }
}
