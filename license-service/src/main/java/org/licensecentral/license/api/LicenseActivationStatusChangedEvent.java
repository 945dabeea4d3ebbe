package org.licensecentral.license.api;

import org.axonframework.serialization.Revision;

/** The license is now active on {@code activeActivations} machines; activated when at least one. */
@Revision("1")
public record LicenseActivationStatusChangedEvent(String licenseId, boolean activated, int activeActivations) {}
