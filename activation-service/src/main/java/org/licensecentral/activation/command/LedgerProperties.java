package org.licensecentral.activation.command;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the seat ledgers ({@link LicenseSeats}) are stored ({@code licensecentral.activation.ledger}).
 *
 * @param snapshotEvery a snapshot of a ledger after every this many events: check-ins make histories long,
 *                      and a load reads the snapshot and the events after it
 */
@Validated
@ConfigurationProperties("licensecentral.activation.ledger")
public record LedgerProperties(@Positive int snapshotEvery) {}
