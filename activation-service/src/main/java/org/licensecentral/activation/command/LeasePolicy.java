package org.licensecentral.activation.command;

import java.time.Duration;

import org.licensecentral.activation.api.ActivationMode;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long leases run and what the seat ledger allows ({@code licensecentral.activation.leases}).
 *
 * @param online              an online machine's lease, renewed by each check-in
 * @param offline             an offline machine's lease: it cannot check in, so this is how long a seat it holds stays
 *                            taken without a deactivation code
 * @param lostMachineReleases releases without a proof a license may make within {@code lostMachineWindow}
 * @param serviceKeyWindow    how long after its creation a service key is accepted
 * @param clockSkew           how far in the future a service key's creation time may lie (the machine's clock)
 */
@ConfigurationProperties("licensecentral.activation.leases")
public record LeasePolicy(
        Duration online,
        Duration offline,
        int lostMachineReleases,
        Duration lostMachineWindow,
        Duration serviceKeyWindow,
        Duration clockSkew) {

    public Duration of(ActivationMode mode) {
        return mode == ActivationMode.OFFLINE ? offline : online;
    }
}
