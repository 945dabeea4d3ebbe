package org.licensecentral.license.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.licensecentral.license.api.SetRemoteManagementCommand;
import org.licensecentral.license.command.LicenseNotFoundException;

import org.springframework.stereotype.Service;

/**
 * Switches a license's Remote Management for its holder, which the {@code License} aggregate
 * decides. Whatever id the caller names, a license that is not the caller's answers as one that
 * does not exist: none in the event store, or another aggregate's events under that id (the event
 * store's ids are shared, and Axon refuses to load a purchase record or an attach request as a
 * license).
 */
@Service
public class RemoteManagementService {

    private final CommandGateway commandGateway;

    public RemoteManagementService(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** A {@link LicenseNotFoundException} when the caller holds no license of this id; the aggregate's own refusals as they are. */
    public void set(String licenseId, String accountId, String verifiedEmail, boolean allowed) {
        try {
            commandGateway.sendAndWait(new SetRemoteManagementCommand(licenseId, accountId, verifiedEmail, allowed));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new LicenseNotFoundException();
        }
    }
}
