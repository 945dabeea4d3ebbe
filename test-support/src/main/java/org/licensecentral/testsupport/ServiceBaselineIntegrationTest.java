package org.licensecentral.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every License Central service promises before it does anything of its own: it starts on
 * the real infrastructure, reports liveness and readiness, exposes Prometheus metrics tagged with
 * its name, logs the trace id of a request, publishes its OpenAPI description, and answers errors
 * as RFC 9457 problem+json. Each
 * service extends this once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoint.health.show-details=always", // a failing probe says why
            // One line per request from the servlet and the reactive stack, to see the trace id in it.
            "logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG",
            "logging.level.org.springframework.web.server.adapter.HttpWebHandlerAdapter=DEBUG",
            // Spring keeps this context alive beside the service's other test contexts; its consumers must
            // not join their consumer groups and take partitions away from them.
            "spring.cloud.stream.default.consumer.auto-startup=false",
        })
// Spring Boot tests switch metrics export and tracing off unless asked; these are what is tested.
@AutoConfigureMetrics
@AutoConfigureTracing
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
public abstract class ServiceBaselineIntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    /** Where actuator answers: the management port of a service that has one apart (gateway, identity-service). */
    @Value("${local.management.port:${local.server.port}}")
    private int managementPort;

    @Value("${spring.application.name}")
    private String application;

    @Test
    void reportsLivenessAndReadinessUp() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = management(probe);
            assertThat(response.statusCode()).as(probe + " " + response.body()).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void exposesJvmAndHttpMetricsTaggedWithTheApplication() throws Exception {
        get("/v3/api-docs");

        HttpResponse<String> metrics = management("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("jvm_memory_used_bytes{application=\"" + application + "\"")
                .containsPattern("http_server_requests_seconds_count\\{application=\"" + application + "\"");
    }

    @Test
    void publishesItsOpenApiDescription() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\":\"3.");
        // Clients call through the gateway, so "try it out" must not point at the service itself.
        assertThat(docs.body()).contains("\"servers\":[{\"url\":\"/\"");
        // Nor does it offer what the gateway never routes.
        assertThat(docs.body()).doesNotContain("\"/internal/");
        OpenApiLint.Result lint = OpenApiLint.lint(application, docs.body());
        assertThat(lint.exitCode()).as(lint.report()).isZero();
    }

    @Test
    void answersAnUnknownPathWithProblemJson() throws Exception {
        // Under /actuator, which no service puts behind a login, so the answer is about the path.
        HttpResponse<String> response = management("/actuator/no-such-endpoint");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404").contains("\"instance\":\"/actuator/no-such-endpoint\"");
    }

    @Test
    void logsARequestWithTheTraceIdItCameWith(CapturedOutput output) throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                        .header("traceparent", traceparent)
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        // The reactive stack logs "Completed 200" after the response has gone out, so the client can
        // be faster than the log line: wait for it rather than read the output once.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(output.getAll())
                        .containsPattern("\\[" + application + "," + traceId + ",[0-9a-f]{16}\\]"));
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
