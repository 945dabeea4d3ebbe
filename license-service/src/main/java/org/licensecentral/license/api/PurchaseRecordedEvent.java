package org.licensecentral.license.api;

import org.axonframework.serialization.Revision;

/**
 * The first content seen for a purchase id: {@code contentHash} is the SHA-256 of its canonical
 * form, which a later delivery of the same id must match (issue 15, finding 2). Only the hash is
 * kept; the purchase's e-mail and items are in its licenses' events.
 */
@Revision("1")
public record PurchaseRecordedEvent(String recordId, String purchaseId, String contentHash) {}
