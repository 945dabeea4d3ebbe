package org.licensecentral.license.api;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * The first step of attaching licenses bought under another e-mail. {@code codeHash} is a salted
 * BCrypt hash of the confirmation code; the plain code is mailed and never stored.
 * {@code licenseIds} may be empty: a request that matched nothing looks the same from outside.
 */
@Revision("1")
public record AttachCodeRequestedEvent(
        String requestId,
        String requestedBy,
        List<String> licenseIds,
        String purchaseEmail,
        String codeHash,
        Instant expiresAt) {}
