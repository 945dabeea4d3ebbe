package org.licensecentral.license.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.licensecentral.license.api.LicenseActivationStatusChangedEvent;
import org.licensecentral.license.api.LicenseAttachedEvent;
import org.licensecentral.license.api.LicenseIssuedEvent;
import org.licensecentral.license.api.MachineChange;
import org.licensecentral.license.api.MaintenanceExtendedEvent;
import org.licensecentral.license.api.RemoteManagementToggledEvent;
import org.licensecentral.support.axon.OutboxPublisher;
import org.licensecentral.testsupport.EventSchemas;

/**
 * What {@code license.events} carries for each License fact: the wire record of its contract in
 * {@code docs/events/}, mapped from the Axon event, with exactly the schema's fields.
 */
class LicenseEventsPublisherTest {

    private static final String LICENSE = "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

    private record Sent(String binding, String id, String type, String key, Instant time, Object payload) {}

    private final List<Sent> sent = new ArrayList<>();
    private final LicenseEventsPublisher publisher = new LicenseEventsPublisher(new OutboxPublisher(null) {
        @Override
        public void publish(String binding, String id, String type, String key, Instant time, Object payload) {
            sent.add(new Sent(binding, id, type, key, time, payload));
        }
    });

    @Test
    void licenseIssuedIsSentAsItsV1Contract() {
        LicenseIssuedEvent event = new LicenseIssuedEvent(
                LICENSE,
                "ABCDE-FGHJK-MNPQR-STUVW-XYZ23",
                "purchase-1",
                "ann@example.com",
                "BACKUP",
                "Professional",
                3,
                Instant.parse("2026-01-02T03:04:05Z"),
                LocalDate.parse("2027-01-02"),
                "5.2");
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);

        publisher.on(event, message);

        Sent record = only("org.licensecentral.license.license-issued.v1", message);
        assertThat(record.payload())
                .isEqualTo(new LicenseEventsPublisher.LicenseIssuedV1(
                        LICENSE,
                        "ABCDE-FGHJK-MNPQR-STUVW-XYZ23",
                        "purchase-1",
                        "ann@example.com",
                        "BACKUP",
                        "Professional",
                        3,
                        Instant.parse("2026-01-02T03:04:05Z"),
                        LocalDate.parse("2027-01-02"),
                        "5.2"));
        String json = WireJson.write(record.payload());
        assertThat(json).contains("\"purchasedAt\":\"2026-01-02T03:04:05Z\"", "\"maintenanceUntil\":\"2027-01-02\"");
        assertValidAndOnlySchemaFields(record.type(), json);
    }

    @Test
    void licenseIssuedWithoutRemoteManagementSendsAnExplicitNull() {
        LicenseIssuedEvent event = new LicenseIssuedEvent(
                LICENSE,
                "ABCDE-FGHJK-MNPQR-STUVW-XYZ23",
                "purchase-1",
                "ann@example.com",
                "DRIVE",
                "Standard",
                1,
                Instant.parse("2026-01-02T03:04:05Z"),
                LocalDate.parse("2027-01-02"),
                null);
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);

        publisher.on(event, message);

        String json = WireJson.write(
                only("org.licensecentral.license.license-issued.v1", message).payload());
        assertThat(json).contains("\"remoteManagementSince\":null");
        assertValidAndOnlySchemaFields("org.licensecentral.license.license-issued.v1", json);
    }

    @Test
    void maintenanceExtendedIsSentAsItsV1Contract() {
        MaintenanceExtendedEvent event =
                new MaintenanceExtendedEvent(LICENSE, "renewal-1:0", LocalDate.parse("2028-01-02"));
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);

        publisher.on(event, message);

        Sent record = only("org.licensecentral.license.maintenance-extended.v1", message);
        assertThat(record.payload())
                .isEqualTo(new LicenseEventsPublisher.MaintenanceExtendedV1(
                        LICENSE, "renewal-1:0", LocalDate.parse("2028-01-02")));
        assertValidAndOnlySchemaFields(record.type(), WireJson.write(record.payload()));
    }

    @Test
    void licenseAttachedIsSentAsItsV1Contract() {
        LicenseAttachedEvent event =
                new LicenseAttachedEvent(LICENSE, null, "ann@example.com", "account-2", "bob@example.com");
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);

        publisher.on(event, message);

        Sent record = only("org.licensecentral.license.license-attached.v1", message);
        assertThat(record.payload())
                .isEqualTo(new LicenseEventsPublisher.LicenseAttachedV1(
                        LICENSE, null, "ann@example.com", "account-2", "bob@example.com"));
        String json = WireJson.write(record.payload());
        assertThat(json).contains("\"fromAccount\":null");
        assertValidAndOnlySchemaFields(record.type(), json);
    }

    @Test
    void remoteManagementToggledIsSentAsItsV1Contract() {
        RemoteManagementToggledEvent event = new RemoteManagementToggledEvent(LICENSE, true);
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);

        publisher.on(event, message);

        Sent record = only("org.licensecentral.license.remote-management-toggled.v1", message);
        assertThat(record.payload()).isEqualTo(new LicenseEventsPublisher.RemoteManagementToggledV1(LICENSE, true));
        assertValidAndOnlySchemaFields(record.type(), WireJson.write(record.payload()));
    }

    @Test
    void activationStatusChangedIsSentAsItsV1Contract() {
        LicenseActivationStatusChangedEvent event = new LicenseActivationStatusChangedEvent(
                LICENSE, true, 2, new MachineChange("act-1", "office-pc", true, null));
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);

        publisher.on(event, message);

        Sent record = only("org.licensecentral.license.activation-status-changed.v1", message);
        assertThat(record.payload()).isEqualTo(new LicenseEventsPublisher.ActivationStatusChangedV1(LICENSE, true, 2));
        assertValidAndOnlySchemaFields(record.type(), WireJson.write(record.payload()));
    }

    @Test
    void theAxonEventItselfIsNeverTheBody() {
        publisher.on(
                new RemoteManagementToggledEvent(LICENSE, false),
                GenericEventMessage.asEventMessage(new RemoteManagementToggledEvent(LICENSE, false)));

        assertThat(sent).singleElement().extracting(Sent::payload).isNotInstanceOf(RemoteManagementToggledEvent.class);
    }

    /** The one record sent: on license.events, keyed by license id, ce_id and time of the Axon event. */
    private Sent only(String type, EventMessage<?> message) {
        assertThat(sent).hasSize(1);
        Sent record = sent.get(0);
        assertThat(record.binding()).isEqualTo(LicenseEventsPublisher.BINDING);
        assertThat(record.type()).isEqualTo(type);
        assertThat(record.key()).isEqualTo(LICENSE);
        assertThat(record.id()).isEqualTo(message.getIdentifier());
        assertThat(record.time()).isEqualTo(message.getTimestamp());
        return record;
    }

    private static void assertValidAndOnlySchemaFields(String type, String json) {
        assertThat(EventSchemas.errors(type, json)).as(json).isEmpty();
        assertThat(WireJson.fields(json)).as("the fields of " + json).isEqualTo(WireJson.schemaProperties(type));
    }
}
