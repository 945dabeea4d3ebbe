package org.licensecentral.license.messaging;

import java.time.Clock;
import java.time.LocalDate;

import org.licensecentral.license.catalog.Release;
import org.licensecentral.license.catalog.ReleaseEvents;
import org.licensecentral.support.messaging.CloudEventsPublisher;

import org.springframework.stereotype.Component;

/**
 * Publishes each release of the catalog to {@code license.events}
 * ({@code org.licensecentral.license.release-published.v1}, key = product code): activation-service
 * keeps them to refuse a build the license's maintenance does not cover, and to name the newest
 * one it does. A release is not an Axon event, so it is sent straight away and waited for; the
 * {@code ce_id} names the release and its date, so a repeated publication (every start publishes
 * the catalog file's releases again) deduplicates, and a moved date is a new fact.
 */
@Component
class ReleaseEventsPublisher implements ReleaseEvents {

    static final String TYPE = "org.licensecentral.license.release-published.v1";

    /** The wire record: the contract is docs/events/org.licensecentral.license.release-published.v1.schema.json. */
    record ReleasePublishedV1(String productCode, String version, LocalDate releasedAt) {

        static ReleasePublishedV1 of(Release release) {
            return new ReleasePublishedV1(release.productCode(), release.version(), release.releasedAt());
        }
    }

    private final CloudEventsPublisher publisher;
    private final Clock clock;

    ReleaseEventsPublisher(CloudEventsPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void published(Release release) {
        publisher.publish(
                LicenseEventsPublisher.BINDING,
                "release:" + release.id() + ":" + release.releasedAt(),
                TYPE,
                release.productCode(),
                clock.instant(),
                ReleasePublishedV1.of(release));
    }
}
