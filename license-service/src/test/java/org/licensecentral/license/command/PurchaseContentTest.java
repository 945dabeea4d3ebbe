package org.licensecentral.license.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.licensecentral.license.api.PurchaseCompleted;
import org.licensecentral.license.api.PurchaseCompleted.Item;

class PurchaseContentTest {

    private static final Instant AT = Instant.parse("2026-11-01T09:30:00Z");
    private static final Item BACKUP = new Item("BACKUP", "Home", 1, 12, null, null);
    private static final Item DRIVE = new Item("DRIVE", "Home", 2, 12, 3, null);

    private static String hash(String email, Item... items) {
        return PurchaseContent.hash(new PurchaseCompleted("P-1", email, AT, List.of(items)));
    }

    @Test
    void theSamePurchaseHasTheSameHash() {
        assertThat(hash("a@example.org", BACKUP, DRIVE)).isEqualTo(hash("a@example.org", BACKUP, DRIVE));
    }

    @Test
    void whatProcessingTreatsAlikeIsTheSameContent() {
        assertThat(hash("Jo@Example.org", BACKUP)).isEqualTo(hash("jo@example.org", BACKUP));
        assertThat(hash("a@example.org", BACKUP))
                .isEqualTo(hash("a@example.org", new Item("BACKUP", "Home", 1, 12, 1, "  ")));
        assertThat(hash("a@example.org", new Item("BACKUP", "Home", 1, 12, null, " abcde-fghjk ")))
                .isEqualTo(hash("a@example.org", new Item("BACKUP", "Home", 1, 12, null, "ABCDE-FGHJK")));
    }

    @Test
    void anotherEmailOrAnyOtherItemFieldIsOtherContent() {
        String first = hash("a@example.org", BACKUP);

        assertThat(hash("b@example.org", BACKUP)).isNotEqualTo(first);
        assertThat(hash("a@example.org", new Item("BACKUP", "Home", 2, 12, null, null)))
                .isNotEqualTo(first);
        assertThat(hash("a@example.org", new Item("BACKUP", "Server", 1, 12, null, null)))
                .isNotEqualTo(first);
        assertThat(hash("a@example.org", new Item("BACKUP", "Home", 1, 24, null, null)))
                .isNotEqualTo(first);
        assertThat(hash("a@example.org", new Item("BACKUP", "Home", 1, 12, 2, null)))
                .isNotEqualTo(first);
        assertThat(hash("a@example.org", BACKUP, DRIVE)).isNotEqualTo(first);
        assertThat(PurchaseContent.hash(
                        new PurchaseCompleted("P-1", "a@example.org", AT.plusSeconds(1), List.of(BACKUP))))
                .isNotEqualTo(first);
    }

    @Test
    void itemsInAnotherOrderAreOtherContent() {
        // A license's id derives from its item's position: reordered items would issue other licenses.
        assertThat(hash("a@example.org", DRIVE, BACKUP)).isNotEqualTo(hash("a@example.org", BACKUP, DRIVE));
    }

    @Test
    void fieldsDoNotRunTogether() {
        assertThat(hash("a@example.org", new Item("BACKUP", "Home1", 1, 12, null, null)))
                .isNotEqualTo(hash("a@example.org", new Item("BACKUPHome", "1", 1, 12, null, null)));
    }
}
