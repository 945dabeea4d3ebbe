package org.licensecentral.activation.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.licensecentral.activation.api.ActivationMode;
import org.licensecentral.activation.api.DeactivationReason;
import org.licensecentral.activation.api.MachineActivatedEvent;
import org.licensecentral.activation.api.MachineDeactivatedEvent;

/** Events stored before leases (revision 1) read as today's revision 2, as the event store holds them. */
class EventUpcastersTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
            .build();
    private final EventUpcasters upcasters = new EventUpcasters();

    @Test
    void aRevisionOneActivationHasNoLeaseAndNoServiceKeyNonce() {
        String v1 = "{\"activationId\":\"act-1\",\"licenseId\":\"lic-1\",\"fingerprint\":\"fp-1\",\"hostname\":\"pc\","
                + "\"productVersion\":\"5.3.1\",\"mode\":\"OFFLINE\",\"at\":\"2026-11-01T10:00:00Z\",\"activeActivations\":1}";

        MachineActivatedEvent event = upcast(upcasters.machineActivatedV1ToV2(), MachineActivatedEvent.class, v1);

        assertThat(event)
                .isEqualTo(new MachineActivatedEvent(
                        "act-1",
                        "lic-1",
                        "fp-1",
                        "pc",
                        "5.3.1",
                        ActivationMode.OFFLINE,
                        Instant.parse("2026-11-01T10:00:00Z"),
                        1,
                        null,
                        null));
    }

    @Test
    void aRevisionOneDeactivationHasTheReasonUnknown() {
        String v1 = "{\"activationId\":\"act-1\",\"licenseId\":\"lic-1\",\"fingerprint\":\"fp-1\",\"hostname\":\"pc\","
                + "\"productVersion\":\"5.3.1\",\"mode\":\"ONLINE\",\"at\":\"2026-11-01T10:00:00Z\",\"activeActivations\":0}";

        MachineDeactivatedEvent event = upcast(upcasters.machineDeactivatedV1ToV2(), MachineDeactivatedEvent.class, v1);

        assertThat(event.reason()).isEqualTo(DeactivationReason.UNKNOWN);
        assertThat(event.activeActivations()).isZero();
    }

    @Test
    void aRevisionTwoEventIsLeftAlone() {
        String v2 = "{\"activationId\":\"act-1\",\"licenseId\":\"lic-1\",\"fingerprint\":\"fp-1\",\"hostname\":\"pc\","
                + "\"productVersion\":\"5.3.1\",\"mode\":\"ONLINE\",\"at\":\"2026-11-01T10:00:00Z\",\"activeActivations\":0,"
                + "\"reason\":\"LEASE_EXPIRED\"}";

        IntermediateEventRepresentation stored = stored(MachineDeactivatedEvent.class, "2", v2);

        assertThat(upcasters
                        .machineDeactivatedV1ToV2()
                        .upcast(Stream.of(stored))
                        .findFirst()
                        .orElseThrow())
                .isSameAs(stored);
    }

    private <T> T upcast(EventUpcaster upcaster, Class<T> type, String json) {
        IntermediateEventRepresentation upcast =
                upcaster.upcast(Stream.of(stored(type, "1", json))).findFirst().orElseThrow();
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        SerializedObject<?> data = upcast.getData();
        return serializer.deserialize(data);
    }

    private IntermediateEventRepresentation stored(Class<?> type, String revision, String json) {
        return new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        "LicenseSeats",
                        "lic-1",
                        0,
                        "event-1",
                        Instant.now(),
                        type.getName(),
                        revision,
                        json.getBytes(UTF_8),
                        "{}".getBytes(UTF_8)),
                serializer);
    }
}
