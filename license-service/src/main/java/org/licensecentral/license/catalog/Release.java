package org.licensecentral.license.catalog;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.licensecentral.support.validation.NoControlCharacters;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A build of a product that customers can download; a license may have every release up to the end
 * of its maintenance. The download must also be on one of the artifact hosts, which
 * {@link Catalog#addRelease} checks against the configuration.
 */
@Document("releases")
public record Release(
        @Id String id,
        @NotBlank @Size(max = 32) @NoControlCharacters String productCode,

        @NotBlank @Pattern(regexp = "[0-9]+(\\.[0-9]+){1,3}")
        String version,

        @NotNull LocalDate releasedAt,

        @NotBlank
        @Size(max = 500)
        @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        @NoControlCharacters
        String downloadUrl) {

    @PersistenceCreator
    public Release {
        id = productCode + ":" + version;
    }
}
