package org.licensecentral.license.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.licensecentral.license.api.LicenseActivationStatusChangedEvent;
import org.licensecentral.license.api.MachineChange;

/** Activation status changes stored before they named the machine (revision 1) read as revision 2. */
class EventUpcastersTest {

    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
    private final EventUpcasters upcasters = new EventUpcasters();

    @Test
    void aRevisionOneActivationStatusChangeHasNoMachine() {
        IntermediateEventRepresentation upcast = upcasters
                .activationStatusChangedV1ToV2()
                .upcast(Stream.of(stored("1", "{\"licenseId\":\"lic-1\",\"activated\":true,\"activeActivations\":1}")))
                .findFirst()
                .orElseThrow();

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat((LicenseActivationStatusChangedEvent) serializer.deserialize(upcast.getData()))
                .isEqualTo(new LicenseActivationStatusChangedEvent("lic-1", true, 1, null));
    }

    @Test
    void aRevisionTwoActivationStatusChangeKeepsItsMachine() {
        String v2 = "{\"licenseId\":\"lic-1\",\"activated\":false,\"activeActivations\":0,\"machine\":"
                + "{\"activationId\":\"act-1\",\"hostname\":\"pc\",\"activated\":false,\"reason\":\"LEASE_EXPIRED\"}}";
        IntermediateEventRepresentation stored = stored("2", v2);

        IntermediateEventRepresentation upcast = upcasters
                .activationStatusChangedV1ToV2()
                .upcast(Stream.of(stored))
                .findFirst()
                .orElseThrow();

        assertThat(upcast).isSameAs(stored);
        assertThat((LicenseActivationStatusChangedEvent) serializer.deserialize(upcast.getData()))
                .isEqualTo(new LicenseActivationStatusChangedEvent(
                        "lic-1", false, 0, new MachineChange("act-1", "pc", false, "LEASE_EXPIRED")));
    }

    private IntermediateEventRepresentation stored(String revision, String json) {
        return new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        "License",
                        "lic-1",
                        0,
                        "event-1",
                        Instant.now(),
                        LicenseActivationStatusChangedEvent.class.getName(),
                        revision,
                        json.getBytes(UTF_8),
                        "{}".getBytes(UTF_8)),
                serializer);
    }
}
