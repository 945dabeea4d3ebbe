package org.licensecentral.store.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts as the pages show them, "€79.00": the currency's symbol and its minor digits. */
public final class PriceFormat {

    public String amount(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        Currency unit = Currency.getInstance(currency);
        format.setCurrency(unit);
        format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
        format.setMaximumFractionDigits(unit.getDefaultFractionDigits());
        return format.format(amount);
    }
}
