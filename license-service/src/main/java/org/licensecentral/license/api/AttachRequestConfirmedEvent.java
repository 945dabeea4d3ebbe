package org.licensecentral.license.api;

import java.util.List;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AttachRequestConfirmedEvent(
        String requestId, List<String> licenseIds, String toAccount, String toEmail) {}
