package org.licensecentral.activation.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.licensecentral.activation.command.ActivationService;
import org.licensecentral.activation.keys.ActivationKeys;
import org.licensecentral.support.validation.NoControlCharacters;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What installed products call, without a login: they activate with the e-mail and license key,
 * then check in and release with the activation key they were given (the protocol is in
 * activation-service/README.md). Failed checks are limited per client address and per key.
 */
@RestController
@RequestMapping("/api/v1/software")
class SoftwareController {

    record ActivationRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 40) String licenseKey,
                             // Both end up in the owner's mail and the portal.
                             @NotBlank @Size(max = 256) @NoControlCharacters String fingerprint,
                             @NotBlank @Size(max = 256) @NoControlCharacters String hostname,
                             @NotBlank @Size(max = 32) String productVersion) {
    }

    record MachineRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 40) String licenseKey,
                          @NotBlank @Size(max = 256) String fingerprint) {
    }

    /** What a product presents once it holds an activation key: the key (a compact JWS of a few hundred bytes). */
    record CheckInRequest(@NotBlank @Size(max = 4096) String activationKey, @NotBlank @Size(max = 256) String fingerprint,
                          @NotBlank @Size(max = 32) String productVersion) {
    }

    record ReleaseRequest(@NotBlank @Size(max = 4096) String activationKey, @NotBlank @Size(max = 256) String fingerprint) {
    }

    private final ActivationService activations;
    private final ActivationKeys keys;

    SoftwareController(ActivationService activations, ActivationKeys keys) {
        this.activations = activations;
        this.keys = keys;
    }

    @PostMapping("/activations")
    ActivationService.Activated activate(@Valid @RequestBody ActivationRequest request, HttpServletRequest http) {
        return activations.activateOnline(http.getRemoteAddr(), request.email(), request.licenseKey(),
                request.fingerprint(), request.hostname(), request.productVersion());
    }

    @PostMapping("/activations/check-in")
    ActivationService.Activated checkIn(@Valid @RequestBody CheckInRequest request, HttpServletRequest http) {
        return activations.checkIn(http.getRemoteAddr(), request.activationKey(), request.fingerprint(),
                request.productVersion());
    }

    @PostMapping("/activations/release")
    ResponseEntity<Void> release(@Valid @RequestBody ReleaseRequest request, HttpServletRequest http) {
        activations.release(http.getRemoteAddr(), request.activationKey(), request.fingerprint());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/validate")
    ActivationService.Validation validate(@Valid @RequestBody MachineRequest request, HttpServletRequest http) {
        return activations.validate(http.getRemoteAddr(), request.email(), request.licenseKey(), request.fingerprint());
    }

    @GetMapping("/keys")
    Map<String, Object> keys() {
        return keys.jwks();
    }
}
