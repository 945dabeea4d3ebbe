package org.licensecentral.license.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LicenseKeysTest {

    private final LicenseKeys keys = new LicenseKeys();

    @Test
    void keyIsFiveGroupsOfFiveFromTheAlphabetWithoutLookAlikes() {
        String key = keys.next();

        assertThat(key).matches("([2-9A-HJKMNP-Z]{5}-){4}[2-9A-HJKMNP-Z]{5}");
        assertThat(key).doesNotContainPattern("[01ILO]");
    }

    @Test
    void keysCarryAtLeastAHundredBitsOfRandomness() {
        double bits = 25 * Math.log(LicenseKeys.SYMBOLS.length()) / Math.log(2);

        assertThat(bits).isGreaterThanOrEqualTo(100);
    }

    @Test
    void tenThousandKeysAreAllDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(keys.next());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void aKeysLastGroupIsWhatFollowsItsLastDash() {
        assertThat(LicenseKeys.lastGroup("ABCDE-FGHJK-MNPQR-STUVW-R3RR9")).isEqualTo("R3RR9");
    }
}
