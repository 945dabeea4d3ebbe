package org.licensecentral.license.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MaintenanceExtendedEvent(String licenseId, String renewalId, LocalDate maintenanceUntil) {}
