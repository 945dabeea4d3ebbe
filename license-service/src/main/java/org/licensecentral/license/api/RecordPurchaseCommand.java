package org.licensecentral.license.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the first content of a purchase id, as the hash of its canonical form. */
public record RecordPurchaseCommand(
        @TargetAggregateIdentifier String recordId, String purchaseId, String contentHash) {}
