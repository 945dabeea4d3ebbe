package org.licensecentral.identity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** identity-service as the OIDC provider: discovery, JWKS, and the internal client's tokens. */
@IdentityServiceContext
class TokenIntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${licensecentral.identity.internal-client-secret}")
    String internalSecret;

    @Test
    void discoveryNamesTheIssuerAndTheJwks() throws Exception {
        JsonNode discovery =
                json.readTree(get("/.well-known/openid-configuration").body());

        assertThat(discovery.get("issuer").asText()).isEqualTo("http://localhost:9000");
        assertThat(discovery.get("jwks_uri").asText()).endsWith("/oauth2/jwks");
        assertThat(discovery.get("grant_types_supported").toString())
                .contains("client_credentials", "authorization_code");
    }

    @Test
    void theInternalClientGetsATokenForTheInternalApiThatTheJwksVerifies() throws Exception {
        HttpResponse<String> response = token("internal", internalSecret);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Jwt jwt = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks")
                .build()
                .decode(json.readTree(response.body()).get("access_token").asText());
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("internal");
        assertThat(jwt.getSubject()).isEqualTo("internal");
        assertThat(jwt.getAudience()).containsExactly("licensecentral-internal");
    }

    @Test
    void aWrongClientSecretGetsNoToken() throws Exception {
        assertThat(token("internal", "guess").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> token(String client, String secret) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                        .header(
                                "Authorization",
                                "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=internal"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
