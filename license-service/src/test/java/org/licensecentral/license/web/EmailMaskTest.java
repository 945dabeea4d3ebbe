package org.licensecentral.license.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailMaskTest {

    @Test
    void maskKeepsTheFirstTwoLettersAndTheDomain() {
        assertThat(EmailMask.mask("jonathan@example.org")).isEqualTo("jo***@example.org");
    }

    @Test
    void maskOfAOneLetterAddressShowsOnlyThatLetter() {
        assertThat(EmailMask.mask("j@example.org")).isEqualTo("j***@example.org");
    }
}
