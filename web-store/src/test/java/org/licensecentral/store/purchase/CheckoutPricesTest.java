package org.licensecentral.store.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.licensecentral.store.catalog.Offer;

class CheckoutPricesTest {

    private static final Offer PROFESSIONAL =
            new Offer("BACKUP", "Backup", "Professional", "EUR", new BigDecimal("79.00"), new BigDecimal("39.00"));

    @Test
    void oneLicenseOfOneSeatForAYearCostsTheLicensePrice() {
        assertThat(Checkout.purchasePrice(PROFESSIONAL, 1, 1, 1)).isEqualByComparingTo("79.00");
    }

    @Test
    void everySeatOfEveryLicenseIsPaidWithEachFurtherYearAtTheRenewalPrice() {
        // 2 licenses × 3 seats × (79.00 + 2 × 39.00)
        assertThat(Checkout.purchasePrice(PROFESSIONAL, 2, 3, 3)).isEqualByComparingTo("942.00");
    }

    @Test
    void aRenewalCostsTheYearlyPricePerYear() {
        assertThat(Checkout.renewalPrice(PROFESSIONAL, 2)).isEqualByComparingTo("78.00");
    }

    @Test
    void pricesStayExactDecimals() {
        Offer cents = new Offer("DRIVE", "Drive", "Home", "EUR", new BigDecimal("0.10"), new BigDecimal("0.20"));

        assertThat(Checkout.purchasePrice(cents, 3, 1, 2)).isEqualTo(new BigDecimal("0.90"));
    }
}
