package org.licensecentral.systemtests;

import static org.licensecentral.systemtests.PortalClient.expect;
import static org.licensecentral.systemtests.PortalClient.json;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.licensecentral.testsupport.TopicReader;

/** What the fault and scale-out tests count after a run of purchases: the customer's list and license.events. */
final class LicenseFacts {

    private LicenseFacts() {}

    /** How many licenses the customer's list finds for the query. */
    static int licenses(PortalClient customer, String query) {
        return json(expect(customer.get("/api/v1/licenses?q=" + query), 200))
                .path("totalItems")
                .asInt();
    }

    /** Every license-issued record on license.events for the purchases whose ids start with the prefix, redeliveries included. */
    static List<ConsumerRecord<String, String>> issuedRecords(String purchasePrefix) {
        return TopicReader.readAll(SystemStack.get().kafkaBootstrapServers(), "license.events").stream()
                .filter(record ->
                        "org.licensecentral.license.license-issued.v1".equals(TopicReader.header(record, "ce_type")))
                .filter(record -> record.value().contains("\"purchaseId\":\"" + purchasePrefix + "-"))
                .toList();
    }

    /** The distinct licenses of those records: the facts after deduplication by key. */
    static Set<String> issuedLicenseIds(String purchasePrefix) {
        return issuedRecords(purchasePrefix).stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}
