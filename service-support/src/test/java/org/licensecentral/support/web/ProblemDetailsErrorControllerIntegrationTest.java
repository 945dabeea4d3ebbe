package org.licensecentral.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An exception no handler answers reaches the servlet error dispatch, which answers problem+json
 * without the message; what Tomcat refuses before any servlet sees it is problem+json too.
 */
@SpringBootTest(
        classes = ProblemDetailsErrorControllerIntegrationTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=problem-test",
            "licensecentral.security.public-paths=/broken",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks",
            "spring.autoconfigure.exclude=org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration"
        })
class ProblemDetailsErrorControllerIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void anUnhandledExceptionIsA500ProblemThatDoesNotShowItsMessage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/broken"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"status\":500")
                .contains("\"instance\":\"/broken\"")
                .doesNotContain("secret");
    }

    @Test
    void aQueryTomcatRefusesBeforeSpringSeesItIsA400Problem() throws Exception {
        String response = rawRequest("GET /broken?a[b]=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"status\":400").doesNotContain("<html").doesNotContain("a[b]");
    }

    @Test
    void anEncodedSlashTomcatRefusesIsA400Problem() throws Exception {
        String response = rawRequest("GET /broken%2F..%2Fx HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
    }

    /** Java's HTTP client refuses to send such request targets at all, so the request goes as bytes. */
    private String rawRequest(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SpringBootApplication
    @RestController
    static class App {

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("secret internals");
        }
    }
}
