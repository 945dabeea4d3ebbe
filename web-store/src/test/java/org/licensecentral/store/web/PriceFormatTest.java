package org.licensecentral.store.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PriceFormatTest {

    private final PriceFormat format = new PriceFormat();

    @Test
    void anAmountShowsWithItsCurrencysSymbolAndMinorDigits() {
        assertThat(format.amount(new BigDecimal("79"), "EUR")).isEqualTo("€79.00");
        assertThat(format.amount(new BigDecimal("1299.5"), "EUR")).isEqualTo("€1,299.50");
        assertThat(format.amount(new BigDecimal("5000"), "JPY")).isEqualTo("JP¥5,000");
    }
}
