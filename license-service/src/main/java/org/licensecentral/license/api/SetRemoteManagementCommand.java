package org.licensecentral.license.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code accountId} and {@code verifiedEmail} are the caller's (the token's subject and its verified
 * e-mail, null when unverified): only the license's holder may switch it, which the license decides.
 */
public record SetRemoteManagementCommand(
        @TargetAggregateIdentifier String licenseId, String accountId, String verifiedEmail, boolean allowed) {}
