package org.licensecentral.license.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.licensecentral.support.validation.NoControlCharacters;

/**
 * A purchase from the web store, as it arrives on {@code store.purchases} and at
 * {@code POST /internal/purchases}. Each unit of each item becomes one license. Its texts reach
 * mails and the portal, so none may hold a control character. The first content of a purchase id
 * stands: the same id with other content is refused.
 */
public record PurchaseCompleted(
        @NotBlank @Size(max = 64) @NoControlCharacters String purchaseId,

        @NotBlank @Email @Size(max = 254) @NoControlCharacters
        String email,

        @NotNull Instant purchasedAt,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Item> items) {

    /**
     * {@code seats}: machines each license may be active on, 1 when absent. {@code renewsLicenseKey}:
     * set on a maintenance renewal, which extends that license instead of issuing new ones.
     */
    public record Item(
            @NotBlank @Size(max = 32) @NoControlCharacters String productCode,
            @NotBlank @Size(max = 32) @NoControlCharacters String edition,
            @Min(1) @Max(1000) int quantity,
            @Min(0) @Max(120) int maintenanceMonths,
            @Min(1) @Max(10000) Integer seats,
            @Size(max = 40) @NoControlCharacters String renewsLicenseKey) {

        public boolean isRenewal() {
            return renewsLicenseKey != null && !renewsLicenseKey.isBlank();
        }

        public int seatsOrDefault() {
            return seats == null ? 1 : seats;
        }
    }
}
