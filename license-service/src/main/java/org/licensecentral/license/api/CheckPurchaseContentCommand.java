package org.licensecentral.license.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Checks that a purchase arriving again has the content recorded first; records nothing. */
public record CheckPurchaseContentCommand(
        @TargetAggregateIdentifier String recordId, String purchaseId, String contentHash) {}
