package org.licensecentral.license.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SetRemoteManagementCommand(@TargetAggregateIdentifier String licenseId, boolean allowed) {
}
