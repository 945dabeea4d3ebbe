package org.licensecentral.license.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConfirmAttachCommand(
        @TargetAggregateIdentifier String requestId, String accountId, String accountEmail, String code) {}
