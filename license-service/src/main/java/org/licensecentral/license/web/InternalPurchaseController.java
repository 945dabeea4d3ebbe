package org.licensecentral.license.web;

import java.util.List;

import jakarta.validation.Valid;
import org.licensecentral.license.api.PurchaseCompleted;
import org.licensecentral.license.application.PurchaseProcessor;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The web store's purchases over HTTP: the same body and the same processing as {@code store.purchases}. */
@RestController
public class InternalPurchaseController {

    record PurchaseProcessed(String purchaseId, List<String> licenseIds) {}

    private final PurchaseProcessor processor;

    InternalPurchaseController(PurchaseProcessor processor) {
        this.processor = processor;
    }

    @PostMapping("/internal/purchases")
    PurchaseProcessed process(@Valid @RequestBody PurchaseCompleted purchase) {
        return new PurchaseProcessed(purchase.purchaseId(), processor.process(purchase));
    }
}
