package org.licensecentral.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licensecentral.license.LicenseServiceDriver.item;
import static org.licensecentral.license.LicenseServiceDriver.kafka;
import static org.licensecentral.license.LicenseServiceDriver.newEmail;
import static org.licensecentral.license.LicenseServiceDriver.newPurchaseId;
import static org.licensecentral.license.LicenseServiceDriver.purchase;
import static org.licensecentral.license.LicenseServiceDriver.purchaseAt;
import static org.licensecentral.license.LicenseServiceDriver.renewal;
import static org.licensecentral.license.LicenseServiceDriver.tokenFor;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.EventSchemas;
import org.licensecentral.testsupport.TestJwtIssuer;
import org.licensecentral.testsupport.TopicReader;

/** The catalog, the download a license's maintenance allows, and maintenance renewals. */
class CatalogAndMaintenanceIntegrationTest extends LicenseServiceIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theCatalogListsProductsWithTheirLatestReleaseAndTheStore() throws Exception {
        JsonNode catalog = driver.getJson("/api/v1/catalog", newEmail());

        assertThat(catalog.get("storeUrl").asText()).startsWith("https://");
        assertThat(catalog.get("products").findValuesAsText("code")).contains("BACKUP", "EXPLORER", "DRIVE");
        JsonNode backup = catalog.get("products").findParents("code").stream()
                .filter(p -> p.get("code").asText().equals("BACKUP"))
                .findFirst()
                .orElseThrow();
        assertThat(backup.get("remoteManagement").asBoolean()).isTrue();
        assertThat(backup.get("latestRelease").get("version").asText()).isNotBlank();
    }

    @Test
    void theCatalogShowsEachEditionsPricesWithoutALogin() throws Exception {
        HttpResponse<String> response = driver.get("/api/v1/catalog", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode backup = json.readTree(response.body()).get("products").findParents("code").stream()
                .filter(p -> p.get("code").asText().equals("BACKUP"))
                .findFirst()
                .orElseThrow();
        assertThat(backup.get("prices").findValuesAsText("edition")).containsExactly("Home", "Professional", "Server");
        JsonNode professional = backup.get("prices").get(1);
        assertThat(professional.get("currency").asText()).isEqualTo("EUR");
        assertThat(professional.get("license").decimalValue()).isEqualByComparingTo("79.00");
        assertThat(professional.get("yearOfMaintenance").decimalValue()).isEqualByComparingTo("39.00");
    }

    @Test
    void aLicenseDownloadsTheNewestReleaseOutBeforeItsMaintenanceEnded() throws Exception {
        String email = newEmail();
        // Maintenance 2025-01-01 .. 2026-01-01: Drive 2.5.0 (2025-11-20) is in, nothing later would be.
        String licenseId = driver.buyPurchase(
                        email, purchaseAt("2025-01-01T10:00:00Z", newPurchaseId(), email, item("DRIVE", "Home", 1)))
                .get("items")
                .get(0)
                .get("id")
                .asText();
        HttpResponse<String> release = driver.post(
                "/internal/releases",
                "{\"productCode\":\"DRIVE\",\"version\":\"2.6.0\",\"releasedAt\":\"2026-03-01\","
                        + "\"downloadUrl\":\"https://downloads.licensecentral.org/drive/2.6.0/drive-setup.exe\"}",
                TestJwtIssuer.get().internalToken());
        assertThat(release.statusCode()).as(release.body()).isEqualTo(201);

        JsonNode download = driver.getJson("/api/v1/licenses/" + licenseId + "/download", email);

        assertThat(download.get("version").asText()).isEqualTo("2.5.0");
        assertThat(driver.licenses(email)
                        .get("items")
                        .get(0)
                        .get("download")
                        .get("version")
                        .asText())
                .isEqualTo("2.5.0");
    }

    @Test
    void anAddedReleaseIsPublishedOnLicenseEventsToItsSchema() throws Exception {
        HttpResponse<String> release = driver.post(
                "/internal/releases",
                "{\"productCode\":\"EXPLORER\",\"version\":\"3.9.1\",\"releasedAt\":\"2026-06-01\","
                        + "\"downloadUrl\":\"https://downloads.licensecentral.org/explorer/3.9.1/setup.exe\"}",
                TestJwtIssuer.get().internalToken());
        assertThat(release.statusCode()).as(release.body()).isEqualTo(201);

        ConsumerRecord<String, String> record = TopicReader.first(
                kafka(),
                "license.events",
                r -> "EXPLORER".equals(r.key()) && r.value().contains("\"3.9.1\""));

        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.licensecentral.license.release-published.v1");
        assertThat(TopicReader.header(record, "ce_id")).isEqualTo("release:EXPLORER:3.9.1:2026-06-01");
        assertThat(EventSchemas.errors("org.licensecentral.license.release-published.v1", record.value()))
                .isEmpty();
    }

    @Test
    void aLicenseWhoseMaintenanceEndedBeforeAnyReleaseGetsAProblem() throws Exception {
        String email = newEmail();
        String licenseId = driver.buyPurchase(
                        email,
                        purchaseAt("2019-01-01T10:00:00Z", newPurchaseId(), email, item("EXPLORER", "Standard", 1)))
                .get("items")
                .get(0)
                .get("id")
                .asText();

        HttpResponse<String> response = driver.get("/api/v1/licenses/" + licenseId + "/download", tokenFor(email));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("type").asText()).endsWith("/no-release-within-maintenance");
    }

    @Test
    void releasesNeedTheInternalScopeAProductOfTheCatalogAndAnHttpsUrl() throws Exception {
        String good = "{\"productCode\":\"BACKUP\",\"version\":\"5.9.0\",\"releasedAt\":\"2026-10-01\","
                + "\"downloadUrl\":\"https://downloads.licensecentral.org/backup/5.9.0/setup.exe\"}";

        assertThat(driver.post("/internal/releases", good, tokenFor(newEmail())).statusCode())
                .isEqualTo(403);
        HttpResponse<String> toaster = driver.post(
                "/internal/releases",
                good.replace("BACKUP", "TOASTER"),
                TestJwtIssuer.get().internalToken());
        assertThat(toaster.statusCode()).isEqualTo(422);
        assertThat(toaster.body()).contains("unknown-product");
        HttpResponse<String> http = driver.post(
                "/internal/releases",
                good.replace("https://", "http://"),
                TestJwtIssuer.get().internalToken());
        assertThat(http.statusCode()).isEqualTo(400);
        assertThat(http.body()).contains("downloadUrl");
    }

    @Test
    void aReleaseWhoseDownloadIsNotOnAnArtifactHostIsRefusedAndNotListed() throws Exception {
        String release = "{\"productCode\":\"DRIVE\",\"version\":\"9.0.1\",\"releasedAt\":\"2026-04-01\","
                + "\"downloadUrl\":\"https://%s/drive/9.0.1/drive-setup.exe\"}";

        for (String host : new String[] {
            "evil.example", "downloads.licensecentral.org@evil.example", "downloads.licensecentral.org.evil.example"
        }) {
            HttpResponse<String> response = driver.post(
                    "/internal/releases",
                    release.formatted(host),
                    TestJwtIssuer.get().internalToken());
            assertThat(response.statusCode()).as(host).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(response.body()).get("type").asText()).endsWith("/download-host-not-allowed");
        }
        JsonNode drive = driver.getJson("/api/v1/catalog", newEmail()).get("products").findParents("code").stream()
                .filter(p -> p.get("code").asText().equals("DRIVE"))
                .findFirst()
                .orElseThrow();
        assertThat(drive.get("latestRelease").get("downloadUrl").asText())
                .startsWith("https://downloads.licensecentral.org/");
    }

    @Test
    void releaseTextsWithControlCharactersAreRefused() throws Exception {
        String lineBreakInProduct =
                "{\"productCode\":\"BACKUP\\n\",\"version\":\"5.9.2\",\"releasedAt\":\"2026-10-01\","
                        + "\"downloadUrl\":\"https://downloads.licensecentral.org/backup/5.9.2/setup.exe\"}";
        String nulInUrl = "{\"productCode\":\"BACKUP\",\"version\":\"5.9.3\",\"releasedAt\":\"2026-10-01\","
                + "\"downloadUrl\":\"https://downloads.licensecentral.org/backup/5.9.3/setup\\u0000.exe\"}";

        HttpResponse<String> product = driver.post(
                "/internal/releases", lineBreakInProduct, TestJwtIssuer.get().internalToken());
        HttpResponse<String> url =
                driver.post("/internal/releases", nulInUrl, TestJwtIssuer.get().internalToken());

        assertThat(product.statusCode()).isEqualTo(400);
        assertThat(json.readTree(product.body()).get("errors").findValuesAsText("field"))
                .containsExactly("productCode");
        assertThat(product.body()).contains("control characters");
        assertThat(url.statusCode()).isEqualTo(400);
        assertThat(json.readTree(url.body()).get("errors").findValuesAsText("field"))
                .containsExactly("downloadUrl");
        assertThat(url.body()).contains("control characters");
    }

    @Test
    void aRenewalExtendsMaintenanceOnceEvenWhenDeliveredTwice() throws Exception {
        String email = newEmail();
        JsonNode license =
                driver.buy(email, item("BACKUP", "Home", 1)).get("items").get(0);
        String renewal = purchase(
                newPurchaseId(),
                email,
                renewal("BACKUP", "Home", license.get("licenseKey").asText(), 24));

        assertThat(driver.post(
                                "/internal/purchases",
                                renewal,
                                TestJwtIssuer.get().internalToken())
                        .statusCode())
                .isEqualTo(200);
        assertThat(driver.post(
                                "/internal/purchases",
                                renewal,
                                TestJwtIssuer.get().internalToken())
                        .statusCode())
                .isEqualTo(200);

        // Bought 2026-11-01 with 12 months; renewed by 24 from that end.
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> driver.licenses(email)
                                .get("items")
                                .get(0)
                                .get("maintenanceUntil")
                                .asText(),
                        "2029-11-01"::equals);
        String licenseId = license.get("id").asText();
        JsonNode history =
                driver.getJson("/api/v1/licenses/" + licenseId, email).get("history");
        assertThat(history.findValuesAsText("event")).containsExactly("LicenseIssued", "MaintenanceExtended");
        assertThat(history.get(1).get("details").get("maintenanceUntil").asText())
                .isEqualTo("2029-11-01");
        ConsumerRecord<String, String> record = TopicReader.first(
                kafka(),
                "license.events",
                r -> licenseId.equals(r.key())
                        && TopicReader.header(r, "ce_type").contains("maintenance-extended"));
        assertThat(EventSchemas.errors("org.licensecentral.license.maintenance-extended.v1", record.value()))
                .isEmpty();
    }

    @Test
    void aRenewalOfAnUnknownKeyIsRejectedWhole() throws Exception {
        String email = newEmail();
        HttpResponse<String> response = driver.post(
                "/internal/purchases",
                purchase(
                        newPurchaseId(),
                        email,
                        item("DRIVE", "Home", 1),
                        renewal("BACKUP", "Home", "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ", 12)),
                TestJwtIssuer.get().internalToken());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("unknown license key");
        assertThat(driver.licenses(email).get("totalItems").asInt()).isZero();
    }
}
