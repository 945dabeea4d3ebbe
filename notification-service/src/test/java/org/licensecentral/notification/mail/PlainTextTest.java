package org.licensecentral.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void aLongParagraphBreaksBetweenWordsWithinSeventyTwoColumns() {
        String paragraph = "Maintenance of your Backup Server license …-R3RR9 ends on 14 March 2027. "
                + "Builds released until then stay yours; renew to keep getting new ones.";

        String wrapped = PlainText.wrap(paragraph);

        assertThat(wrapped.lines())
                .hasSizeGreaterThan(1)
                .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(72));
        assertThat(wrapped.replace('\n', ' ').strip()).isEqualTo(paragraph);
    }

    @Test
    void aListItemContinuesUnderItsText() {
        String wrapped = PlainText.wrap("  - Backup Server, key …-R3RR9, maintenance until 14 March 2027: "
                + "https://portal.licensecentral.example.com/?q=R3RR9");

        assertThat(wrapped.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(72));
        assertThat(wrapped.lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith("    "));
    }

    @Test
    void aWordLongerThanTheWidthKeepsItsLineWhole() {
        String link = "https://portal.licensecentral.example.com/" + "x".repeat(80);

        assertThat(PlainText.wrap("Open " + link + " now").lines()).containsExactly("Open", link, "now");
    }

    @Test
    void blankLinesBetweenParagraphsShrinkToOneAndTrailingSpacesGo() {
        assertThat(PlainText.wrap("One.   \n\n\n\nTwo.\n")).isEqualTo("One.\n\nTwo.\n");
    }
}
