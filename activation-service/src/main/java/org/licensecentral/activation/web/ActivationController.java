package org.licensecentral.activation.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.licensecentral.activation.api.ActivationMode;
import org.licensecentral.activation.command.ActivationService;
import org.licensecentral.activation.licenses.LicenseRecord;
import org.licensecentral.activation.licenses.LicenseRecords;
import org.licensecentral.activation.query.ActivationProjection;
import org.licensecentral.support.web.Caller;
import org.licensecentral.support.web.OpenApiAutoConfiguration;
import org.licensecentral.support.web.ProblemResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's Activations tab: the caller's machines with their leases, offline activation, and
 * freeing a seat: an online machine at once, an offline one with its deactivation code or as a
 * lost machine.
 */
@Tag(
        name = "Activations",
        description =
                "The portal's Activations tab: the caller's machines, offline activation, " + "and freeing seats.")
@SecurityRequirement(name = OpenApiAutoConfiguration.PORTAL_TOKEN)
@RestController
@RequestMapping("/api/v1/activations")
class ActivationController {

    private static final String ACTIVATION_NOT_FOUND =
            "`activation-not-found`: no such activation on a license of the caller's.";

    record ActivationRow(
            String id,
            String licenseId,
            String licenseKey,
            String product,
            String edition,
            String hostname,
            String productVersion,
            ActivationMode mode,
            Instant activatedAt,
            Instant leaseEnds,
            Instant checkedInAt) {}

    record OfflineActivation(@NotBlank @Size(max = 4096) String serviceKey) {}

    record OfflineDeactivation(@NotBlank @Size(max = 64) String deactivationCode) {}

    private final ActivationService activations;
    private final ActivationProjection views;
    private final LicenseRecords licenses;

    ActivationController(ActivationService activations, ActivationProjection views, LicenseRecords licenses) {
        this.activations = activations;
        this.views = views;
        this.licenses = licenses;
    }

    @Operation(
            summary = "List the caller's activations",
            description = "Every machine that holds a seat of a license in the caller's account, with its mode "
                    + "(online or offline), when it was activated and last checked in, and when its lease ends.")
    @GetMapping
    List<ActivationRow> list(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        Map<String, LicenseRecord> held = licenses.heldBy(caller.accountId(), caller.verifiedEmail()).stream()
                .collect(Collectors.toMap(LicenseRecord::licenseId, Function.identity()));
        return views.ofLicenses(List.copyOf(held.keySet())).stream()
                .map(view -> {
                    LicenseRecord license = held.get(view.licenseId());
                    return new ActivationRow(
                            view.activationId(),
                            view.licenseId(),
                            license.licenseKey(),
                            license.productCode(),
                            license.edition(),
                            view.hostname(),
                            view.productVersion(),
                            view.mode(),
                            view.activatedAt(),
                            view.leaseEnds(),
                            view.checkedInAt());
                })
                .toList();
    }

    @Operation(
            summary = "Deactivate an online machine",
            description = "Frees the seat of an online machine at once; the machine learns it at its next check-in "
                    + "(403 `activation-revoked`). An offline machine needs its deactivation code instead.")
    @ProblemResponse(status = 404, description = ACTIVATION_NOT_FOUND)
    @ProblemResponse(
            status = 409,
            description =
                    "`offline-deactivation-code-required`: the machine is offline; free "
                            + "it with its deactivation code or as a lost machine (`leaseEnds` says when it would free itself).")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Caller caller = Caller.of(jwt);
        activations.deactivate(caller.accountId(), caller.verifiedEmail(), id);
    }

    /** An offline machine's seat, freed with the code the machine printed when it removed its key. */
    @Operation(
            summary = "Deactivate an offline machine with its code",
            description = "Frees the seat of an offline machine with the deactivation code the machine printed when "
                    + "its key was removed, which proves the key is gone.")
    @ProblemResponse(
            status = 400,
            description = "`invalid-deactivation-code`: the code is not the one this machine " + "printed.")
    @ProblemResponse(status = 404, description = ACTIVATION_NOT_FOUND)
    @ProblemResponse(status = 409, description = "`online-machine`: the machine is online; deactivate it directly.")
    @PostMapping("/{id}/offline-deactivation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivateOffline(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String id,
            @Valid @RequestBody OfflineDeactivation request) {
        Caller caller = Caller.of(jwt);
        activations.deactivateOffline(caller.accountId(), caller.verifiedEmail(), id, request.deactivationCode());
    }

    /** An offline machine that is lost: its seat freed without a code, a limited number of times. */
    @Operation(
            summary = "Release a lost offline machine",
            description = "Frees the seat of an offline machine that cannot print its deactivation code any more "
                    + "(lost, broken, reinstalled). Allowed once per license in 30 days.")
    @ProblemResponse(status = 404, description = ACTIVATION_NOT_FOUND)
    @ProblemResponse(
            status = 409,
            description = "`lost-machine-release-limit`: the license used its release in the "
                    + "last 30 days (`availableAt` says when the next is allowed); `online-machine`: the machine is online, "
                    + "deactivate it directly.")
    @PostMapping("/{id}/lost-machine-release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void releaseLost(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Caller caller = Caller.of(jwt);
        activations.releaseLost(caller.accountId(), caller.verifiedEmail(), id);
    }

    @Operation(
            summary = "Activate a machine offline",
            description = "Takes the service key an installed product printed on a machine without internet access "
                    + "and answers the activation key to paste back into it. The lease of an offline seat lasts a "
                    + "year and ends only with the machine's deactivation code, a lost-machine release or its end.")
    @ProblemResponse(
            status = 400,
            description = "`invalid-service-key`: not a service key; `service-key-expired`: "
                    + "made more than 24 hours ago; `invalid-version`: the product version in it is not a version.")
    @ProblemResponse(
            status = 403,
            description = "`invalid-license`: the key's license is not in the caller's "
                    + "account; `version-not-covered`: the version is newer than the newest release within the license's "
                    + "maintenance (`newestAllowedVersion`).")
    @ProblemResponse(
            status = 409,
            description = "`service-key-used`: this service key activated a machine already; "
                    + "`no-free-seat`: every seat of the license is taken.")
    @PostMapping("/offline")
    ActivationService.Activated offline(
            @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody OfflineActivation request) {
        Caller caller = Caller.of(jwt);
        return activations.activateOffline(caller.accountId(), caller.verifiedEmail(), request.serviceKey());
    }
}
