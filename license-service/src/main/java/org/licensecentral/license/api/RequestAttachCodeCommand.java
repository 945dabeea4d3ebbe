package org.licensecentral.license.api;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestAttachCodeCommand(
        @TargetAggregateIdentifier String requestId,
        String requestedBy,
        List<String> licenseIds,
        String purchaseEmail,
        String codeHash,
        Instant expiresAt) {}
