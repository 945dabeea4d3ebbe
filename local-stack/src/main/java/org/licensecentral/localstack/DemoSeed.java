package org.licensecentral.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.licensecentral.storepurchases.StorePurchases;

/**
 * Demo data, put in once through the system's own inputs and never written into a database behind
 * a service's back: the web store's purchases go to {@code store.purchases} exactly as the store
 * sends them ({@link StorePurchases}), and the demo account registers and verifies its e-mail
 * through identity-service. A marker file under the data directory keeps a restart from seeding
 * again, and a repeated purchase is a redelivery that idempotent consumers ignore.
 */
public final class DemoSeed {

    public static final String DEMO_EMAIL = "demo@licensecentral.test";
    public static final String DEMO_PASSWORD = "Backup-Explorer-Drive-26";

    private static final HttpClient http = HttpClient.newHttpClient();
    /** A code mail's code: a line of its own in the text part, indented by four spaces. */
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^ {4}(\\S+)$");

    private final ObjectMapper json = new ObjectMapper();
    private final StackConfig config;
    private final Mailbox mailbox;

    DemoSeed(StackConfig config, Mailbox mailbox) {
        this.config = config;
        this.mailbox = mailbox;
    }

    /** Seeds unless an earlier start did; returns what it did, for the start-up summary. */
    String seedOnce() {
        Path marker = config.dataDir().resolve("seeded");
        if (Files.exists(marker)) {
            return "demo data already seeded (delete " + marker + " to seed again)";
        }
        JsonNode purchases = demoData().get("purchases");
        try (StorePurchases store = new StorePurchases(config.kafkaBootstrapServers())) {
            for (JsonNode purchase : purchases) {
                store.publish(purchase);
            }
            registerDemoAccount();
            Files.writeString(marker, Instant.now() + System.lineSeparator());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while seeding demo data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "seeded " + purchases.size() + " demo purchases on " + StorePurchases.TOPIC + " and the demo account";
    }

    /**
     * Registers the demo account as a person would: through identity-service's API, with the
     * verification code read from the mail that notification-service delivered to the mailbox.
     */
    private void registerDemoAccount() throws IOException, InterruptedException {
        String identity = "http://127.0.0.1:" + config.port("identity-service");
        post(identity + "/api/v1/accounts", Map.of("email", DEMO_EMAIL, "password", DEMO_PASSWORD), 202);
        String text = mailbox.awaitText(DEMO_EMAIL, Duration.ofSeconds(60))
                .orElseThrow(
                        () -> new StackException("the demo account's verification mail did not arrive within 60 s"));
        String code = codeIn(text)
                .orElseThrow(() -> new StackException("the demo account's verification mail shows no code"));
        post(identity + "/api/v1/accounts/verification", Map.of("email", DEMO_EMAIL, "code", code), 204);
    }

    /**
     * The code a code mail shows (verification, password reset, attach): on a line of its own in the
     * text part, indented by four spaces, never in the subject (issue 17). The system tests read it so too.
     */
    public static Optional<String> codeIn(String mailText) {
        Matcher code = CODE_LINE.matcher(mailText);
        return code.find() ? Optional.of(code.group(1)) : Optional.empty();
    }

    private void post(String url, Map<String, String> body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new StackException("seeding: " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private JsonNode demoData() {
        try (InputStream in = DemoSeed.class.getResourceAsStream("/demo-data.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo-data.json", e);
        }
    }
}
