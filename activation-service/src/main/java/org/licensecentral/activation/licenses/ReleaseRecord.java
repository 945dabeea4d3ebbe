package org.licensecentral.activation.licenses;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A build of a product, from {@code license.events}; id = {@code <productCode>:<version>}. */
@Document("releases")
public record ReleaseRecord(@Id String id, String productCode, String version, LocalDate releasedAt) {}
