package org.licensecentral.license.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailMaskTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void maskKeepsTheFirstTwoLettersAndTheDomain() {
        assertThat(EmailMask.mask("jonathan@example.org")).isEqualTo("jo***@example.org");
    }

    @Test
    void maskOfAOneLetterAddressShowsOnlyThatLetter() {
        assertThat(EmailMask.mask("j@example.org")).isEqualTo("j***@example.org");
    }

    @Test
    void aPlausibleMaskHasTheFormOfARealOne() {
        assertThat(EmailMask.plausible(KEY, "P-404")).matches("[a-z]{2}\\*\\*\\*@[a-z]+\\.[a-z]+");
    }

    @Test
    void aPlausibleMaskIsTheSameForTheSameInput() {
        assertThat(EmailMask.plausible(KEY, "P-404")).isEqualTo(EmailMask.plausible(KEY, "P-404"));
    }
}
