package org.licensecentral.license.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AttachRequestLockedEvent(String requestId) {}
