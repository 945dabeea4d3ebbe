package org.licensecentral.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActivationApiTest {

    private final FakeLicenseCentral server = new FakeLicenseCentral();
    private final ActivationApi api = new ActivationApi(server.uri());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anActivationSendsTheProtocolsFields() throws IOException {
        server.answer("activations", 200, TestKeys.activated("k.e.y", "ONLINE"));

        api.activate("ann@example.com", "LK-1", "fp-1", "host-1", "5.3.1");

        JsonNode sent = new ObjectMapper()
                .readTree(server.requestsTo("activations").get(0).body());
        assertThat(sent.path("email").asText()).isEqualTo("ann@example.com");
        assertThat(sent.path("licenseKey").asText()).isEqualTo("LK-1");
        assertThat(sent.path("fingerprint").asText()).isEqualTo("fp-1");
        assertThat(sent.path("hostname").asText()).isEqualTo("host-1");
        assertThat(sent.path("productVersion").asText()).isEqualTo("5.3.1");
    }

    @Test
    void anActivationAnswerIsRead() {
        server.answer("activations", 200, TestKeys.activated("k.e.y", "ONLINE"));

        Activated activated = api.activate("ann@example.com", "LK-1", "fp-1", "host-1", "5.3.1");

        assertThat(activated.activationKey()).isEqualTo("k.e.y");
        assertThat(activated.leaseEnds()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(activated.remoteManagement()).isTrue();
    }

    @Test
    void aProblemCarriesItsNameStatusDetailAndProperties() {
        server.answerProblem(
                "activations",
                409,
                "no-free-seat",
                "All seats are taken.",
                Map.of("heldBy", List.of("host-a", "host-b")));

        ProblemException problem = catchThrowableOfType(
                ProblemException.class, () -> api.activate("ann@example.com", "LK-1", "fp-1", "host-1", "5.3.1"));

        assertThat(problem.name()).isEqualTo("no-free-seat");
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).isEqualTo("All seats are taken.");
        assertThat(problem.properties()).containsEntry("heldBy", List.of("host-a", "host-b"));
    }

    @Test
    void aPropertyThatIsNullIsAbsent() {
        Map<String, Object> noVersion = new HashMap<>();
        noVersion.put("newestAllowedVersion", null);
        server.answerProblem("activations", 403, "version-not-covered", "Not covered.", noVersion);

        ProblemException problem = catchThrowableOfType(
                ProblemException.class, () -> api.activate("ann@example.com", "LK-1", "fp-1", "host-1", "9.0"));

        assertThat(problem.properties()).doesNotContainKey("newestAllowedVersion");
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        server.answerProblem(
                "activations/check-in", 429, "too-many-requests", "Slow down.", Map.of(), Map.of("Retry-After", "17"));

        ProblemException problem =
                catchThrowableOfType(ProblemException.class, () -> api.checkIn("k.e.y", "fp-1", "5.3.1"));

        assertThat(problem.retryAfter()).contains(Duration.ofSeconds(17));
    }

    @Test
    void anAnswerThatIsNoProblemDocumentIsAboutBlank() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> api.release("k.e.y", "fp-1"));

        assertThat(problem.type()).isEqualTo("about:blank");
        assertThat(problem.status()).isEqualTo(404);
    }

    @Test
    void aServerErrorMeansTheServerIsUnavailable() {
        server.answerProblem("activations/check-in", 503, "service-unavailable", "Starting.", Map.of());

        assertThatThrownBy(() -> api.checkIn("k.e.y", "fp-1", "5.3.1"))
                .isInstanceOf(ServerUnavailableException.class)
                .hasMessageContaining("503")
                .hasMessageContaining("Starting.");
    }

    @Test
    void aServerThatDoesNotAnswerIsUnavailable() throws IOException {
        ActivationApi nobody = new ActivationApi(URI.create("http://127.0.0.1:" + freePort()));

        assertThatThrownBy(nobody::keys)
                .isInstanceOf(ServerUnavailableException.class)
                .hasMessageContaining("no answer");
    }

    @Test
    void aReleaseAnsweredWithNoContentSucceeds() {
        server.answer("activations/release", 204, "");

        api.release("k.e.y", "fp-1");

        assertThat(server.requestsTo("activations/release")).hasSize(1);
    }

    @Test
    void anAddressThatIsNotHttpIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ActivationApi(URI.create("localhost:8080")));
    }

    /** A port nothing listens on: one that was free a moment ago. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
