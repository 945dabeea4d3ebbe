package org.licensecentral.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.licensecentral.storepurchases.StorePurchases;

/** Fresh customers and purchases for a test, so tests never share an account by accident. */
final class Customers {

    static final String PASSWORD = "Correct-Horse-Battery-26";

    private static final ObjectMapper json = new ObjectMapper();

    private Customers() {}

    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A registered, verified and logged-in customer. */
    static PortalClient loggedIn(String email) {
        PortalClient client = new PortalClient();
        client.register(email, PASSWORD);
        client.login(email, PASSWORD);
        if (!client.loggedIn()) {
            throw new AssertionError(email + " could not log in");
        }
        return client;
    }

    /** The web store sells one Backup Professional license to the address; returns the purchase id. */
    static String purchase(String email) {
        return purchase(email, 1);
    }

    /** The web store sells {@code quantity} Backup Professional licenses in one purchase; returns its id. */
    static String purchase(String email, int quantity) {
        String purchaseId = "ST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try (StorePurchases store = new StorePurchases(SystemStack.get().kafkaBootstrapServers())) {
            store.publish(purchaseJson(purchaseId, email, quantity));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return purchaseId;
    }

    static JsonNode purchaseJson(String purchaseId, String email, int quantity) {
        return json.valueToTree(Map.of(
                "purchaseId",
                purchaseId,
                "email",
                email,
                "purchasedAt",
                Instant.now().toString(),
                "items",
                List.of(Map.of(
                        "productCode",
                        "BACKUP",
                        "edition",
                        "Professional",
                        "quantity",
                        quantity,
                        "maintenanceMonths",
                        12))));
    }

    /** Waits until the customer's license list shows the purchase, and returns its first row. */
    static JsonNode awaitLicense(PortalClient client, String purchaseId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> PortalClient.json(client.get("/api/v1/licenses?q=" + purchaseId))
                                .path("items"),
                        items -> items.size() > 0)
                .get(0);
    }
}
