package org.licensecentral.license.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AttachLicenseCommand(
        @TargetAggregateIdentifier String licenseId, String toAccount, String toEmail) {}
