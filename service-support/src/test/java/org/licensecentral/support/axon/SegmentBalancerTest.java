package org.licensecentral.support.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SegmentBalancerTest {

    @Test
    void theFairShareCoversEverySegmentAndNoInstanceHoldsMoreThanOneAboveAnother() {
        assertThat(SegmentBalancer.fairShare(6, 1)).isEqualTo(6);
        assertThat(SegmentBalancer.fairShare(6, 2)).isEqualTo(3);
        assertThat(SegmentBalancer.fairShare(6, 4)).isEqualTo(2);
        assertThat(SegmentBalancer.fairShare(6, 7)).isEqualTo(1);
        // No row counted (the database answered nothing yet): this instance is the one alive.
        assertThat(SegmentBalancer.fairShare(6, 0)).isEqualTo(6);
    }

    @Test
    void anInstanceGivesUpItsHighestSegmentsBeyondItsShare() {
        assertThat(SegmentBalancer.toRelease(List.of(5, 0, 3, 1, 4, 2), 3)).containsExactly(3, 4, 5);
        assertThat(SegmentBalancer.toRelease(List.of(1, 4), 3)).isEmpty();
        assertThat(SegmentBalancer.toRelease(List.of(), 3)).isEmpty();
    }
}
