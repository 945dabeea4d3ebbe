package org.licensecentral.license.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What activation-service last reported: how many machines the license is active on, after which machine's change. */
public record RecordActiveActivationsCommand(
        @TargetAggregateIdentifier String licenseId, int activeActivations, MachineChange machine) {}
