package org.licensecentral.license.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.licensecentral.license.catalog.Release;
import org.licensecentral.support.messaging.CloudEventsPublisher;
import org.licensecentral.testsupport.EventSchemas;

/** What {@code license.events} carries for a release of the catalog. */
class ReleaseEventsPublisherTest {

    private static final String TYPE = "org.licensecentral.license.release-published.v1";
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private final List<Object[]> sent = new ArrayList<>();
    private final ReleaseEventsPublisher publisher = new ReleaseEventsPublisher(
            new CloudEventsPublisher(null, "test", null) {
                @Override
                public void publish(String binding, String id, String type, String key, Instant time, Object payload) {
                    sent.add(new Object[] {binding, id, type, key, time, payload});
                }
            },
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aReleaseIsSentAsItsV1ContractWithoutTheCatalogsOwnFields() {
        publisher.published(new Release(
                "BACKUP:5.2.1",
                "BACKUP",
                "5.2.1",
                LocalDate.parse("2026-02-01"),
                "https://downloads.example.com/backup-5.2.1.zip"));

        assertThat(sent).hasSize(1);
        Object[] record = sent.get(0);
        assertThat(record)
                .containsExactly(
                        LicenseEventsPublisher.BINDING,
                        "release:BACKUP:5.2.1:2026-02-01",
                        TYPE,
                        "BACKUP",
                        NOW,
                        new ReleaseEventsPublisher.ReleasePublishedV1(
                                "BACKUP", "5.2.1", LocalDate.parse("2026-02-01")));
        String json = WireJson.write(record[5]);
        assertThat(EventSchemas.errors(TYPE, json)).as(json).isEmpty();
        assertThat(WireJson.fields(json))
                .isEqualTo(WireJson.schemaProperties(TYPE))
                .doesNotContain("id", "downloadUrl");
        assertThat(json).contains("\"releasedAt\":\"2026-02-01\"");
    }
}
