package org.licensecentral.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The calls of an installed product to License Central ({@code <server>/api/v1/software}, no login).
 * A refusal is a {@link ProblemException}; no answer, or a 5xx, is a
 * {@link ServerUnavailableException}.
 */
public final class ActivationApi {

    /** Long enough for a slow link, short enough that a product starting offline does not hang. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Members of every problem document (RFC 9457 section 3.1); the rest are the problem's own. */
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    public ActivationApi(URI server) {
        this(server, HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
    }

    public ActivationApi(URI server, HttpClient http) {
        String scheme = server.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || server.getHost() == null) {
            throw new IllegalArgumentException("not an http or https address of a server: " + server);
        }
        this.base = URI.create(server.toString().replaceAll("/+$", "") + "/api/v1/software/");
        this.http = http;
    }

    /** {@code POST /activations}: takes a seat, or renews the seat this fingerprint holds. */
    public Activated activate(
            String email, String licenseKey, String fingerprint, String hostname, String productVersion) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("email", email);
        request.put("licenseKey", licenseKey);
        request.put("fingerprint", fingerprint);
        request.put("hostname", hostname);
        request.put("productVersion", productVersion);
        return activated(post("activations", request));
    }

    /** {@code POST /activations/check-in}: a new lease for the seat the key holds. */
    public Activated checkIn(String activationKey, String fingerprint, String productVersion) {
        return activated(post(
                "activations/check-in",
                Map.of("activationKey", activationKey, "fingerprint", fingerprint, "productVersion", productVersion)));
    }

    /** {@code POST /activations/release}: frees the seat; also succeeds when it was free already. */
    public void release(String activationKey, String fingerprint) {
        post("activations/release", Map.of("activationKey", activationKey, "fingerprint", fingerprint));
    }

    /** {@code GET /keys}: the JWKS that verifies activation keys. */
    public String keys() {
        return send(HttpRequest.newBuilder(base.resolve("keys"))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    private String post(String path, Map<String, Object> body) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is JSON", e);
        }
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build());
    }

    private String send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (IOException e) {
            throw new ServerUnavailableException("no answer from " + request.uri() + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnavailableException("interrupted while waiting for " + request.uri(), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        if (status >= 500) {
            throw new ServerUnavailableException(request.uri() + " answered " + status + detailOf(response.body()));
        }
        throw problem(request.uri(), response);
    }

    private static ProblemException problem(URI uri, HttpResponse<String> response) {
        Duration retryAfter = response.headers()
                .firstValue("Retry-After")
                .flatMap(ActivationApi::seconds)
                .orElse(null);
        JsonNode body = parse(response.body());
        if (body == null || !body.path("type").isTextual()) {
            // Not a License Central answer, e.g. a proxy's page or a wrong --server: RFC 9457 calls that about:blank.
            return new ProblemException(
                    "about:blank",
                    response.statusCode(),
                    "HTTP " + response.statusCode(),
                    uri + " answered " + response.statusCode() + " without a problem document",
                    Map.of(),
                    retryAfter);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            if (!STANDARD_MEMBERS.contains(member.getKey())
                    && !member.getValue().isNull()) {
                properties.put(member.getKey(), JSON.convertValue(member.getValue(), Object.class));
            }
        }
        return new ProblemException(
                body.path("type").asText(),
                response.statusCode(),
                text(body, "title"),
                text(body, "detail"),
                properties,
                retryAfter);
    }

    private static Activated activated(String body) {
        JsonNode json = parse(body);
        if (json == null || !json.path("activationKey").isTextual()) {
            throw new ServerUnavailableException("the answer holds no activation key: " + abbreviated(body));
        }
        String leaseEnds = text(json, "leaseEnds");
        String maintenanceUntil = text(json, "maintenanceUntil");
        return new Activated(
                text(json, "activationId"),
                text(json, "activationKey"),
                text(json, "mode"),
                leaseEnds == null ? null : Instant.parse(leaseEnds),
                maintenanceUntil == null ? null : LocalDate.parse(maintenanceUntil),
                text(json, "maxVersion"),
                json.path("remoteManagement").asBoolean());
    }

    /** RFC 9110 also allows an HTTP date; License Central sends seconds, and a date is simply not used. */
    private static Optional<Duration> seconds(String retryAfter) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String detailOf(String body) {
        JsonNode json = parse(body);
        String detail = json == null ? null : text(json, "detail");
        return detail == null ? "" : ": " + detail;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
