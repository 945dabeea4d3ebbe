package org.licensecentral.license.api;

/**
 * Which machine a change of the license's activations was about, as activation-service reported
 * it: activated, or its seat freed and why ({@code reason}: activation-service's
 * {@code DEACTIVATED_BY_OWNER}, {@code OFFLINE_DEACTIVATION}, {@code LOST_MACHINE_RELEASE},
 * {@code LEASE_EXPIRED}, {@code RELEASED_BY_PRODUCT}, {@code UNKNOWN}; null for an activation),
 * kept so that the license's history can name it (issue 16).
 */
public record MachineChange(String activationId, String hostname, boolean activated, String reason) {}
