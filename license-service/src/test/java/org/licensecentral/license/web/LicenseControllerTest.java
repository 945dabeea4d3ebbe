package org.licensecentral.license.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LicenseControllerTest {

    @Test
    void maskKeepsTheFirstTwoLettersAndTheDomain() {
        assertThat(LicenseController.mask("jonathan@example.org")).isEqualTo("jo***@example.org");
    }

    @Test
    void maskOfAOneLetterAddressShowsOnlyThatLetter() {
        assertThat(LicenseController.mask("j@example.org")).isEqualTo("j***@example.org");
    }
}
