package org.licensecentral.store.purchase;

import java.math.BigDecimal;

/** What the confirmation page says about a purchase that went to License Central. */
public record Receipt(
        String purchaseId, String email, String description, String currency, BigDecimal total, boolean renewal) {}
