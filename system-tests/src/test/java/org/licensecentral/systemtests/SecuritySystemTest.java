package org.licensecentral.systemtests;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licensecentral.localstack.StackConfig;
import org.licensecentral.localstack.StackSecrets;

/**
 * The abuse cases of the security review (issue 15), tried on the whole stack as an attacker on
 * this machine or the network would: what is reachable, whose tokens count, whether an invented
 * address or a slow client gets around a limit, and what malformed requests are answered with.
 * What was tried and what held is in docs/reliability.md.
 */
class SecuritySystemTest {

    private static final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static StackConfig stack;
    private static String licenseKey;

    @BeforeAll
    static void aCustomerWithALicense() {
        stack = SystemStack.get();
        String email = Customers.newEmail("security");
        PortalClient customer = Customers.loggedIn(email);
        licenseKey = Customers.awaitLicense(customer, Customers.purchase(email))
                .get("licenseKey")
                .asText();
    }

    @Test
    void onlyTheGatewayAndTheLoginPagesAnswerOnThisMachinesOtherAddresses() throws Exception {
        Optional<InetAddress> external = externalAddress();
        assumeTrue(external.isPresent(), "this machine has no address besides loopback");
        List<String> reachable = new ArrayList<>();
        for (Map.Entry<String, Integer> port : stack.ports().entrySet()) {
            if (connects(external.get(), port.getValue())) {
                reachable.add(port.getKey());
            }
        }

        assertThat(reachable).containsExactlyInAnyOrder("gateway", "identity-service");
    }

    @Test
    void theInternalClientsTokenWorksOnInternalEndpointsOnlyAndIsNoPortalIdentity() throws Exception {
        String token = internalToken();

        HttpResponse<String> viaGateway =
                send(HttpRequest.newBuilder(gateway("/api/v1/session")).header("Authorization", "Bearer " + token));
        HttpResponse<String> asPortalCaller =
                send(HttpRequest.newBuilder(direct("activation-service", "/api/v1/activations"))
                        .header("Authorization", "Bearer " + token));
        // An internal call it may make: a release whose download is on no artifact host is refused on its merits.
        HttpResponse<String> internal = send(HttpRequest.newBuilder(direct("license-service", "/internal/releases"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"productCode\":\"BACKUP\",\"version\":\"9.9\","
                        + "\"releasedAt\":\"2026-01-01\",\"downloadUrl\":\"https://attacker.example/backup.exe\"}")));

        assertThat(viaGateway.statusCode()).isEqualTo(401);
        assertThat(asPortalCaller.statusCode()).isEqualTo(403);
        assertThat(internal.statusCode()).isEqualTo(400);
        assertThat(internal.body()).contains("download-host-not-allowed");
    }

    @Test
    void anInventedForwardedAddressDoesNotEscapeTheFailedAttemptLimit() throws Exception {
        int refused = 0;
        for (int i = 0; i < 15; i++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(gateway("/api/v1/software/activations"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "203.0.113." + i)
                    .POST(HttpRequest.BodyPublishers.ofString(PortalClient.write(Map.of(
                            "email",
                            "guess-" + i + "@example.org",
                            "licenseKey",
                            i % 2 == 0 ? licenseKey : " " + licenseKey.toLowerCase(),
                            "fingerprint",
                            "fp-guess",
                            "hostname",
                            "guess",
                            "productVersion",
                            "5.3")))));
            if (response.statusCode() == 429) {
                refused++;
            } else {
                assertThat(response.statusCode()).isEqualTo(403);
            }
        }

        // Ten failures per key (however it is spelled) and address are allowed; the invented
        // addresses and spellings all counted as this client and this key.
        assertThat(refused).isEqualTo(5);
    }

    @Test
    void aClientThatTricklesItsHeadersIsCutOffAtTheGatewayAndAtTheLoginPages() throws Exception {
        // The gateway allows 10 s for a request's headers whatever the pace; a line every 2 s
        // would otherwise keep it open for as long as the client likes.
        assertThat(linesBeforeClosed(stack.port("gateway"), 2_000, 30)).isLessThan(10);
        // identity-service (Tomcat) closes a connection that pauses for 5 s between reads.
        assertThat(linesBeforeClosed(stack.port("identity-service"), 6_000, 5)).isLessThanOrEqualTo(1);
    }

    @Test
    void thePublicPortsServeNoActuatorAndPublicHealthSaysOnlyUp() throws Exception {
        HttpResponse<String> ready = send(HttpRequest.newBuilder(gateway("/readyz")));

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/env"}) {
            assertThat(send(HttpRequest.newBuilder(gateway(path))).statusCode())
                    .as(path)
                    .isNotEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + stack.port("identity-service") + path)))
                            .statusCode())
                    .as("identity-service " + path)
                    .isNotEqualTo(200);
        }
        // On this machine, the management ports have it all.
        assertThat(send(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + stack.managementPort("gateway") + "/actuator/prometheus")))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void malformedRequestTargetsAreAnsweredWithProblemJson() throws Exception {
        List<String> answers = List.of(
                raw(stack.port("identity-service"), "GET /login?a[b]=1 HTTP/1.1"),
                raw(stack.port("identity-service"), "GET /api/v1/accounts%2F..%2Fx HTTP/1.1"),
                raw(stack.port("gateway"), "GET /api/v1//licenses HTTP/1.1"),
                raw(stack.port("gateway"), "GET /api/v1/licenses%2F..%2Fsession HTTP/1.1"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer).startsWith("HTTP/1.1 4");
            assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        });
    }

    private static String internalToken() throws Exception {
        String secret = SystemStack.control().secrets().get(StackSecrets.INTERNAL_CLIENT);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + stack.port("identity-service") + "/oauth2/token"))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(("internal:" + secret).getBytes(UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=internal")));
        JsonNode token = PortalClient.json(PortalClient.expect(response, 200));
        return token.get("access_token").asText();
    }

    /** Sends a request line and then one header line every {@code pauseMillis}; the lines sent before the server closed. */
    private static int linesBeforeClosed(int port, int pauseMillis, int maxLines) throws IOException {
        int lines = 0;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(pauseMillis);
            OutputStream out = socket.getOutputStream();
            out.write("GET /readyz HTTP/1.1\r\nHost: localhost\r\n".getBytes(US_ASCII));
            while (lines < maxLines) {
                try {
                    if (socket.getInputStream().read() == -1) {
                        return lines;
                    }
                } catch (SocketTimeoutException stillOpen) {
                    out.write(("X-Slow-" + lines++ + ": 1\r\n").getBytes(US_ASCII));
                    out.flush();
                }
            }
        } catch (IOException closedByServer) {
            return lines;
        }
        return lines;
    }

    /** Java's HTTP client refuses to send such request targets, so the request goes as bytes. */
    private static String raw(int port, String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), UTF_8);
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (ConnectException | SocketTimeoutException refused) {
            return false;
        } catch (IOException other) {
            return false;
        }
    }

    private static Optional<InetAddress> externalAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address)
                .findFirst();
    }

    private static URI gateway(String path) {
        return URI.create(SystemStack.gateway() + path);
    }

    private static URI direct(String service, String path) {
        return URI.create("http://127.0.0.1:" + stack.port(service) + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return PortalClient.send(http, request);
    }
}
