package org.licensecentral.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * License Central's software API as far as a test sets it up: the JDK's HTTP server on an
 * ephemeral loopback port, answering each path as told and recording what it was sent. A path
 * nobody set up answers 404 without a problem document, as a wrong address would.
 */
public final class FakeLicenseCentral implements AutoCloseable {

    public record Request(String method, String path, String body) {}

    private record Answer(int status, String contentType, String body, Map<String, String> headers) {}

    private static final String BASE = "/api/v1/software/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeLicenseCentral() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@code path} below {@code /api/v1/software/}, e.g. {@code activations/check-in}. */
    public FakeLicenseCentral answer(String path, int status, String json) {
        answers.put(BASE + path, new Answer(status, "application/json", json, Map.of()));
        return this;
    }

    public FakeLicenseCentral answerProblem(
            String path, int status, String name, String detail, Map<String, Object> properties) {
        return answerProblem(path, status, name, detail, properties, Map.of());
    }

    public FakeLicenseCentral answerProblem(
            String path,
            int status,
            String name,
            String detail,
            Map<String, Object> properties,
            Map<String, String> headers) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://licensecentral.org/problems/" + name);
        problem.put("title", name);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.putAll(properties);
        try {
            answers.put(
                    BASE + path,
                    new Answer(status, "application/problem+json", JSON.writeValueAsString(problem), headers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsTo(String path) {
        return requests.stream()
                .filter(request -> request.path().equals(BASE + path))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    path,
                    new String(exchange.getRequestBody().readAllBytes(), UTF_8)));
            Answer answer = answers.getOrDefault(path, new Answer(404, "text/html", "<h1>Not Found</h1>", Map.of()));
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            if (answer.status() == 204) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            byte[] body = answer.body().getBytes(UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
