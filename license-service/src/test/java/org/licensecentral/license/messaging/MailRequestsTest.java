package org.licensecentral.license.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.licensecentral.support.axon.OutboxPublisher;
import org.licensecentral.testsupport.EventSchemas;

/** What {@code notification.requests} carries for a mail this service asks for. */
class MailRequestsTest {

    private static final String TYPE = "org.licensecentral.notification.mail-requested.v1";

    private final List<Object[]> sent = new ArrayList<>();
    private final MailRequests mails = new MailRequests(new OutboxPublisher(null) {
        @Override
        public void publish(String binding, String id, String type, String key, Instant time, Object payload) {
            sent.add(new Object[] {binding, id, type, key, time, payload});
        }
    });

    @Test
    void aMailRequestIsSentAsItsV1ContractKeyedAndIdentifiedByTheRequestId() {
        mails.send("attach:42", "attach-code", "ann@example.com", Map.of("code", "123456"));

        assertThat(sent).hasSize(1);
        Object[] record = sent.get(0);
        assertThat(record[0]).isEqualTo(MailRequests.BINDING);
        assertThat(record[1]).isEqualTo("attach:42");
        assertThat(record[2]).isEqualTo(TYPE);
        assertThat(record[3]).isEqualTo("attach:42");
        String json = WireJson.write(record[5]);
        assertThat(EventSchemas.errors(TYPE, json)).as(json).isEmpty();
        assertThat(WireJson.fields(json)).isEqualTo(WireJson.schemaProperties(TYPE));
    }
}
