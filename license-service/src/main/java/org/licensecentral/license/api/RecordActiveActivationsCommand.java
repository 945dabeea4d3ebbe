package org.licensecentral.license.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What activation-service last reported: how many machines the license is active on. */
public record RecordActiveActivationsCommand(
        @TargetAggregateIdentifier String licenseId, int activeActivations) {}
