package org.licensecentral.activation.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.licensecentral.activation.api.ActivationMode;
import org.licensecentral.activation.command.ActivationService;
import org.licensecentral.activation.licenses.LicenseRecord;
import org.licensecentral.activation.licenses.LicenseRecords;
import org.licensecentral.activation.query.ActivationProjection;
import org.licensecentral.support.web.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's Activations tab: the caller's machines with their leases, offline activation, and
 * freeing a seat: an online machine at once, an offline one with its deactivation code or as a
 * lost machine.
 */
@RestController
@RequestMapping("/api/v1/activations")
class ActivationController {

    record ActivationRow(String id, String licenseId, String licenseKey, String product, String edition, String hostname,
                         String productVersion, ActivationMode mode, Instant activatedAt, Instant leaseEnds,
                         Instant checkedInAt) {
    }

    record OfflineActivation(@NotBlank @Size(max = 4096) String serviceKey) {
    }

    record OfflineDeactivation(@NotBlank @Size(max = 64) String deactivationCode) {
    }

    private final ActivationService activations;
    private final ActivationProjection views;
    private final LicenseRecords licenses;

    ActivationController(ActivationService activations, ActivationProjection views, LicenseRecords licenses) {
        this.activations = activations;
        this.views = views;
        this.licenses = licenses;
    }

    @GetMapping
    List<ActivationRow> list(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        Map<String, LicenseRecord> held = licenses.heldBy(caller.accountId(), caller.verifiedEmail()).stream()
                .collect(Collectors.toMap(LicenseRecord::licenseId, Function.identity()));
        return views.ofLicenses(List.copyOf(held.keySet())).stream().map(view -> {
            LicenseRecord license = held.get(view.licenseId());
            return new ActivationRow(view.activationId(), view.licenseId(), license.licenseKey(), license.productCode(),
                    license.edition(), view.hostname(), view.productVersion(), view.mode(), view.activatedAt(),
                    view.leaseEnds(), view.checkedInAt());
        }).toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> deactivate(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Caller caller = Caller.of(jwt);
        activations.deactivate(caller.accountId(), caller.verifiedEmail(), id);
        return ResponseEntity.noContent().build();
    }

    /** An offline machine's seat, freed with the code the machine printed when it removed its key. */
    @PostMapping("/{id}/offline-deactivation")
    ResponseEntity<Void> deactivateOffline(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                           @Valid @RequestBody OfflineDeactivation request) {
        Caller caller = Caller.of(jwt);
        activations.deactivateOffline(caller.accountId(), caller.verifiedEmail(), id, request.deactivationCode());
        return ResponseEntity.noContent().build();
    }

    /** An offline machine that is lost: its seat freed without a code, a limited number of times. */
    @PostMapping("/{id}/lost-machine-release")
    ResponseEntity<Void> releaseLost(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Caller caller = Caller.of(jwt);
        activations.releaseLost(caller.accountId(), caller.verifiedEmail(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/offline")
    ActivationService.Activated offline(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody OfflineActivation request) {
        Caller caller = Caller.of(jwt);
        return activations.activateOffline(caller.accountId(), caller.verifiedEmail(), request.serviceKey());
    }
}
