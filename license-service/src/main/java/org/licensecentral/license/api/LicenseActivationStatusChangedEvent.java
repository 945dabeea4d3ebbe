package org.licensecentral.license.api;

import org.axonframework.serialization.Revision;

/**
 * The license is now active on {@code activeActivations} machines; activated when at least one.
 * Revision 2 added {@code machine}, the change that brought the count (null in revision 1 events,
 * which did not keep it; config.EventUpcasters).
 */
@Revision("2")
public record LicenseActivationStatusChangedEvent(
        String licenseId, boolean activated, int activeActivations, MachineChange machine) {}
