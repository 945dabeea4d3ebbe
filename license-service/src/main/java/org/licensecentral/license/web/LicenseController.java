package org.licensecentral.license.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.licensecentral.license.application.RemoteManagementService;
import org.licensecentral.license.catalog.Catalog;
import org.licensecentral.license.command.LicenseNotFoundException;
import org.licensecentral.license.query.LicenseHistory;
import org.licensecentral.license.query.LicenseQueries;
import org.licensecentral.license.query.LicenseView;
import org.licensecentral.support.web.Caller;
import org.licensecentral.support.web.OpenApiAutoConfiguration;
import org.licensecentral.support.web.ProblemResponse;
import org.licensecentral.support.web.Problems;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's licenses: the searchable, sortable list, each license's summary and history, and its
 * Remote Management switch.
 * Parameter constraints are checked by Spring MVC's own method validation, which answers 400
 * problem+json naming the parameter.
 */
@Tag(
        name = "Licenses",
        description = "The caller's licenses: the list, each license's summary and history, its "
                + "download and its Remote Management switch.")
@SecurityRequirement(name = OpenApiAutoConfiguration.PORTAL_TOKEN)
@RestController
@RequestMapping("/api/v1/licenses")
class LicenseController {

    private static final String NO_SUCH_LICENSE =
            "No license with this id in the caller's account (another account's license answers the same).";

    record RemoteManagement(boolean available, boolean allowed) {}

    /** The build the license's maintenance allows: the newest released on or before its end. */
    record Download(String version, LocalDate releasedAt, String url) {}

    record LicenseRow(
            String id,
            String productCode,
            String productName,
            String edition,
            String licenseKey,
            String purchaseId,
            LicenseView.ActivationStatus status,
            int activeActivations,
            int maxActivations,
            LocalDate maintenanceUntil,
            boolean maintenanceRunning,
            RemoteManagement remoteManagement,
            Download download) {}

    record LicensePage(List<LicenseRow> items, int page, int size, long totalItems, long totalPages) {}

    record Activation(String activationId, String hostname, String productVersion, String mode, Instant activatedAt) {}

    record LicenseSummary(
            LicenseRow license,
            Instant purchasedAt,
            String purchaseEmail,
            List<Activation> activations,
            List<LicenseHistory.Entry> history) {}

    private final LicenseQueries queries;
    private final LicenseHistory history;
    private final RemoteManagementService remoteManagement;
    private final Catalog catalog;

    LicenseController(
            LicenseQueries queries, LicenseHistory history, RemoteManagementService remoteManagement, Catalog catalog) {
        this.queries = queries;
        this.history = history;
        this.remoteManagement = remoteManagement;
        this.catalog = catalog;
    }

    @Operation(
            summary = "Search the caller's licenses",
            description = "One page of the licenses bought with the caller's verified e-mail address or attached to "
                    + "the account. `q` matches the license key, the purchase id, the product, the edition, or the "
                    + "product and edition together (\"Backup Server\"); `product` and `status` filter; `sort` is "
                    + "a column and a direction.")
    @GetMapping
    LicensePage list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z]{1,32}") String product,
            @RequestParam(required = false) LicenseView.ActivationStatus status,
            @RequestParam(defaultValue = "purchasedAt,desc")
                    @Pattern(
                            regexp = "(product|edition|purchasedAt|maintenanceUntil|status|licenseKey),(asc|desc)",
                            message = "must be one of product, edition, purchasedAt, maintenanceUntil, status, "
                                    + "licenseKey, then asc or desc")
                    String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Caller caller = Caller.of(jwt);
        String[] order = sort.split(",");
        LicenseQueries.Page result = queries.search(
                caller.accountId(),
                caller.verifiedEmail(),
                new LicenseQueries.Search(
                        q,
                        product,
                        status,
                        order[0],
                        Sort.Direction.fromString(order[1].toUpperCase(Locale.ROOT)),
                        page,
                        size));
        Catalog.Releases releases = catalog.releases();
        return new LicensePage(
                result.items().stream().map(view -> row(view, releases)).toList(),
                result.page(),
                result.size(),
                result.totalItems(),
                (result.totalItems() + size - 1) / size);
    }

    @Operation(
            summary = "A license's summary",
            description = "The license with its purchase (the purchase e-mail masked), the machines it is activated "
                    + "on and its history: each event with its details (Remote Management on or off, the machine "
                    + "activated or released and why, the masked addresses of an attach, the new end of maintenance).")
    @ProblemResponse(status = 404, description = NO_SUCH_LICENSE)
    @GetMapping("/{id}")
    LicenseSummary summary(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Caller caller = Caller.of(jwt);
        LicenseView view = queries.find(caller.accountId(), caller.verifiedEmail(), id)
                .orElseThrow(LicenseController::noSuchLicense);
        List<Activation> activations = queries.activations(id).stream()
                .map(a -> new Activation(a.activationId(), a.hostname(), a.productVersion(), a.mode(), a.activatedAt()))
                .toList();
        return new LicenseSummary(
                row(view, catalog.releases()),
                view.purchasedAt(),
                EmailMask.mask(view.purchaseEmail()),
                activations,
                history.of(id).stream()
                        .map(entry -> entry.withEmails(EmailMask::mask))
                        .toList());
    }

    record RemoteManagementChange(@NotNull Boolean allowed) {}

    @Operation(
            summary = "Allow or forbid Remote Management",
            description = "Switches Remote Management of the license on or off; products from Backup 5.2 on read it "
                    + "at their next check-in.")
    @ProblemResponse(status = 404, description = NO_SUCH_LICENSE)
    @ProblemResponse(
            status = 422,
            description = "`remote-management-not-supported`: the product has no Remote "
                    + "Management (only Backup 5.2 and newer).")
    @PutMapping("/{id}/remote-management")
    RemoteManagement setRemoteManagement(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String id,
            @Valid @RequestBody RemoteManagementChange change) {
        Caller caller = Caller.of(jwt);
        // Whether the caller holds the license is the license's own rule (issue 19), checked on its events.
        try {
            remoteManagement.set(id, caller.accountId(), caller.verifiedEmail(), change.allowed());
        } catch (LicenseNotFoundException e) {
            throw noSuchLicense();
        }
        // Only a license with the switch accepts the command, so the switch is available.
        return new RemoteManagement(true, change.allowed());
    }

    @Operation(
            summary = "The build the license may download",
            description = "The newest release of the license's product that came out before its maintenance ends, "
                    + "with its download address.")
    @ProblemResponse(
            status = 404,
            description = "No license with this id in the caller's account; or "
                    + "`no-release-within-maintenance`: no release came out before the maintenance ended.")
    @GetMapping("/{id}/download")
    Download download(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Caller caller = Caller.of(jwt);
        LicenseView view = queries.find(caller.accountId(), caller.verifiedEmail(), id)
                .orElseThrow(LicenseController::noSuchLicense);
        Download download = download(view, catalog.releases());
        if (download == null) {
            throw Problems.exception(
                    HttpStatus.NOT_FOUND,
                    "no-release-within-maintenance",
                    "No release within maintenance",
                    "No release of " + view.productName() + " came out before maintenance ended on "
                            + view.maintenanceUntil() + ".");
        }
        return download;
    }

    /** Another account's license answers exactly as a missing one. */
    private static ResponseStatusException noSuchLicense() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such license.");
    }

    private static Download download(LicenseView view, Catalog.Releases releases) {
        return releases.newest(view.productCode(), view.maintenanceUntil())
                .map(release -> new Download(release.version(), release.releasedAt(), release.downloadUrl()))
                .orElse(null);
    }

    private static LicenseRow row(LicenseView view, Catalog.Releases releases) {
        return new LicenseRow(
                view.licenseId(),
                view.productCode(),
                view.productName(),
                view.edition(),
                view.licenseKey(),
                view.purchaseId(),
                view.status(),
                view.activeActivations(),
                view.maxActivations(),
                view.maintenanceUntil(),
                !view.maintenanceUntil().isBefore(LocalDate.now(ZoneOffset.UTC)),
                new RemoteManagement(view.remoteManagementAvailable(), view.remoteManagementAllowed()),
                download(view, releases));
    }
}
