package org.licensecentral.storepurchases;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.EventSchemas;

class StorePurchasesTest {

    private static final ObjectMapper json = new ObjectMapper();

    @Test
    void theSchemasExamplesAreValidPurchases() throws Exception {
        JsonNode schema = json.readTree(
                Files.readString(Path.of("..", "docs", "events", StorePurchases.PURCHASE_TYPE + ".schema.json")));
        assertThat(schema.path("examples")).isNotEmpty();
        for (JsonNode example : schema.path("examples")) {
            assertThat(EventSchemas.errors(StorePurchases.PURCHASE_TYPE, json.writeValueAsString(example)))
                    .isEmpty();
        }
    }

    @Test
    void aPurchaseIsKeyedByItsIdWithCloudEventsHeaders() throws Exception {
        JsonNode purchase = json.readTree("""
                {"purchaseId": "WS-1", "email": "a@example.org", "purchasedAt": "2026-12-03T10:15:00Z",
                 "items": [{"productCode": "DRIVE", "edition": "Home", "quantity": 1, "maintenanceMonths": 12}]}
                """);

        ProducerRecord<String, String> record = StorePurchases.record(purchase);

        assertThat(record.topic()).isEqualTo("store.purchases");
        assertThat(record.key()).isEqualTo("WS-1");
        assertThat(json.readTree(record.value())).isEqualTo(purchase);
        assertThat(header(record, "ce_type")).isEqualTo("org.licensecentral.store.purchase-completed.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/web-store");
        assertThat(header(record, "ce_subject")).isEqualTo("WS-1");
        assertThat(header(record, "ce_time")).isEqualTo("2026-12-03T10:15:00Z");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    }

    @Test
    void thePurchaseIdDecidesTheCloudEventsId() throws Exception {
        JsonNode first = json.readTree("""
                {"purchaseId": "WS-1", "email": "a@example.org", "purchasedAt": "2026-12-03T10:15:00Z", "items": []}""");
        JsonNode again = json.readTree("""
                {"purchaseId": "WS-1", "email": "a@example.org", "purchasedAt": "2026-12-03T10:16:00Z", "items": []}""");
        JsonNode other = json.readTree("""
                {"purchaseId": "WS-2", "email": "a@example.org", "purchasedAt": "2026-12-03T10:15:00Z", "items": []}""");

        assertThat(header(StorePurchases.record(again), "ce_id"))
                .isEqualTo(header(StorePurchases.record(first), "ce_id"));
        assertThat(header(StorePurchases.record(other), "ce_id"))
                .isNotEqualTo(header(StorePurchases.record(first), "ce_id"));
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }
}
