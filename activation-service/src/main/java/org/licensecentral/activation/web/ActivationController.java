package org.licensecentral.activation.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.licensecentral.activation.api.ActivationMode;
import org.licensecentral.activation.command.ActivationService;
import org.licensecentral.activation.licenses.LicenseRecord;
import org.licensecentral.activation.licenses.LicenseRecords;
import org.licensecentral.activation.query.ActivationProjection;

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

/** The portal's Activations tab: the caller's machines, deactivating one, and offline activation. */
@RestController
@RequestMapping("/api/v1/activations")
class ActivationController {

    record ActivationRow(String id, String licenseId, String licenseKey, String product, String edition, String hostname,
                         String productVersion, ActivationMode mode, Instant activatedAt) {
    }

    record OfflineActivation(@NotBlank @Size(max = 4096) String serviceKey) {
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
        List<String> held = licenses.heldBy(jwt.getSubject(), verifiedEmail(jwt));
        return views.ofLicenses(held).stream().map(view -> {
            LicenseRecord license = licenses.find(view.licenseId()).orElseThrow();
            return new ActivationRow(view.activationId(), view.licenseId(), license.licenseKey(), license.productCode(),
                    license.edition(), view.hostname(), view.productVersion(), view.mode(), view.activatedAt());
        }).toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> deactivate(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        activations.deactivate(jwt.getSubject(), verifiedEmail(jwt), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/offline")
    ActivationService.Activated offline(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody OfflineActivation request) {
        return activations.activateOffline(jwt.getSubject(), verifiedEmail(jwt), request.serviceKey());
    }

    /** Licenses follow the verified e-mail only. */
    private static String verifiedEmail(Jwt jwt) {
        String email = jwt.getClaimAsString("email");
        return Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified")) && email != null
                ? email.toLowerCase(Locale.ROOT) : null;
    }
}
