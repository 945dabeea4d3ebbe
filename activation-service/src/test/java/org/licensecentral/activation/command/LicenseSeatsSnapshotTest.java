package org.licensecentral.activation.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.licensecentral.activation.api.ActivationMode;
import org.licensecentral.activation.api.DeactivationReason;
import org.licensecentral.activation.api.MachineActivatedEvent;
import org.licensecentral.activation.api.MachineCheckedInEvent;
import org.licensecentral.activation.api.MachineDeactivatedEvent;

/**
 * A snapshot is the ledger serialized by the event serializer; a field it dropped would be lost
 * silently (Axon falls back to the full history only when a snapshot cannot be read at all).
 */
class LicenseSeatsSnapshotTest {

    // As Spring Boot configures the ObjectMapper that Axon's Jackson serializer is given.
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    @Test
    void aSnapshotKeepsSeatsLeasesEndedActivationsReleasesAndServiceKeyNonces() {
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        LicenseSeats ledger = new LicenseSeats();
        ledger.on(new MachineActivatedEvent(
                "act-1", "lic-1", "fp-1", "pc", "5.3.1", ActivationMode.ONLINE, at, 1, at.plusSeconds(604_800), null));
        ledger.on(new MachineActivatedEvent(
                "act-2",
                "lic-1",
                "fp-2",
                "air-gapped",
                "5.3.1",
                ActivationMode.OFFLINE,
                at,
                2,
                at.plusSeconds(31_536_000),
                "nonce-2"));
        ledger.on(new MachineCheckedInEvent(
                "act-1",
                "lic-1",
                "fp-1",
                "5.3.2",
                ActivationMode.ONLINE,
                at.plusSeconds(60),
                2,
                at.plusSeconds(604_860),
                null));
        ledger.on(new MachineActivatedEvent(
                "act-3",
                "lic-1",
                "fp-3",
                "lost",
                "5.3.1",
                ActivationMode.OFFLINE,
                at,
                3,
                at.plusSeconds(31_536_000),
                "nonce-3"));
        ledger.on(new MachineDeactivatedEvent(
                "act-3",
                "lic-1",
                "fp-3",
                "lost",
                "5.3.1",
                ActivationMode.OFFLINE,
                at,
                2,
                DeactivationReason.LOST_MACHINE_RELEASE));

        SerializedObject<String> snapshot = serializer.serialize(ledger, String.class);
        LicenseSeats restored = serializer.deserialize(snapshot);

        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
        assertThat(snapshot.getData())
                .contains(
                        "\"licenseId\":\"lic-1\"",
                        "5.3.2",
                        "nonce-2",
                        "nonce-3",
                        "LOST_MACHINE_RELEASE",
                        "2026-11-08T10:01:00Z");
    }
}
