package org.licensecentral.activation.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.licensecentral.activation.command.ActivationService;
import org.licensecentral.activation.keys.ActivationKeys;
import org.licensecentral.support.validation.NoControlCharacters;
import org.licensecentral.support.web.ProblemResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What installed products call, without a login: they activate with the e-mail and license key,
 * then check in and release with the activation key they were given (the protocol is in
 * activation-service/README.md). Failed checks are limited per client address and per key.
 */
@Tag(
        name = "Installed products",
        description = "What the installed products call without a login: activation with "
                + "the e-mail and license key, then check-in and release with the activation key. Failed checks are limited "
                + "per client address and key.")
@RestController
@RequestMapping("/api/v1/software")
class SoftwareController {

    private static final String TOO_MANY_WRONG_LICENSE_KEYS =
            "`too-many-failed-attempts`: too many wrong keys from this address or for this key; `Retry-After` says "
                    + "when to try again.";

    private static final String TOO_MANY_INVALID_ACTIVATION_KEYS =
            "`too-many-failed-attempts`: too many invalid keys from this address; `Retry-After` says when to try "
                    + "again.";

    record ActivationRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 40) String licenseKey,
            // Both end up in the owner's mail and the portal.
            @NotBlank @Size(max = 256) @NoControlCharacters String fingerprint,
            @NotBlank @Size(max = 256) @NoControlCharacters String hostname,
            @NotBlank @Size(max = 32) String productVersion) {}

    record MachineRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 40) String licenseKey,
            @NotBlank @Size(max = 256) String fingerprint) {}

    /** What a product presents once it holds an activation key: the key (a compact JWS of a few hundred bytes). */
    record CheckInRequest(
            @NotBlank @Size(max = 4096) String activationKey,
            @NotBlank @Size(max = 256) String fingerprint,
            @NotBlank @Size(max = 32) String productVersion) {}

    record ReleaseRequest(
            @NotBlank @Size(max = 4096) String activationKey,
            @NotBlank @Size(max = 256) String fingerprint) {}

    private final ActivationService activations;
    private final ActivationKeys keys;

    SoftwareController(ActivationService activations, ActivationKeys keys) {
        this.activations = activations;
        this.keys = keys;
    }

    @Operation(
            summary = "Activate a machine online",
            description = "Takes a seat of the license for the machine's fingerprint (or renews the seat it holds) "
                    + "and answers a signed activation key with the lease's end. The product checks in before the "
                    + "lease ends to renew it.")
    @ProblemResponse(
            status = 400,
            description = "`invalid-version`: the product version is not a version (1 to 4 " + "numeric parts).")
    @ProblemResponse(
            status = 403,
            description = "`invalid-license`: no license with this key for this e-mail "
                    + "address; `version-not-covered`: the version is newer than the newest release within the license's "
                    + "maintenance (`newestAllowedVersion`).")
    @ProblemResponse(
            status = 409,
            description = "`no-free-seat`: every seat of the license is taken (`heldBy` lists " + "the machines).")
    @ProblemResponse(status = 429, description = TOO_MANY_WRONG_LICENSE_KEYS)
    @PostMapping("/activations")
    ActivationService.Activated activate(@Valid @RequestBody ActivationRequest request, HttpServletRequest http) {
        return activations.activateOnline(
                http.getRemoteAddr(),
                request.email(),
                request.licenseKey(),
                request.fingerprint(),
                request.hostname(),
                request.productVersion());
    }

    @Operation(
            summary = "Check in an activated machine",
            description = "Renews the lease of the seat the activation key holds and answers a new activation key. A "
                    + "seat freed meanwhile answers why.")
    @ProblemResponse(
            status = 400,
            description = "`invalid-activation-key`: not a key this service signed, or one "
                    + "issued to another machine; `invalid-version`: the product version is not a version.")
    @ProblemResponse(
            status = 403,
            description = "`activation-revoked`: the seat was freed (`reason`: deactivated by "
                    + "the owner, offline deactivation, lost-machine release, lease expired, released by the product); "
                    + "`version-not-covered`: the version is newer than the maintenance allows.")
    @ProblemResponse(status = 429, description = TOO_MANY_INVALID_ACTIVATION_KEYS)
    @PostMapping("/activations/check-in")
    ActivationService.Activated checkIn(@Valid @RequestBody CheckInRequest request, HttpServletRequest http) {
        return activations.checkIn(
                http.getRemoteAddr(), request.activationKey(), request.fingerprint(), request.productVersion());
    }

    @Operation(
            summary = "Release the machine's seat",
            description = "The installed product gives its seat back (uninstalled, or moved to another machine). "
                    + "Releasing a seat that is free already answers the same, so a retry is safe.")
    @ProblemResponse(
            status = 400,
            description =
                    "`invalid-activation-key`: not a key this service signed, or one " + "issued to another machine.")
    @ProblemResponse(status = 429, description = TOO_MANY_INVALID_ACTIVATION_KEYS)
    @PostMapping("/activations/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@Valid @RequestBody ReleaseRequest request, HttpServletRequest http) {
        activations.release(http.getRemoteAddr(), request.activationKey(), request.fingerprint());
    }

    @Operation(
            summary = "Validate a machine's license",
            description = "Whether this machine holds a seat of the license, with the license's maintenance end and "
                    + "whether Remote Management is allowed. An unknown key or e-mail answers `valid: false` with a "
                    + "reason, not an error.")
    @ProblemResponse(status = 429, description = TOO_MANY_WRONG_LICENSE_KEYS)
    @PostMapping("/validate")
    ActivationService.Validation validate(@Valid @RequestBody MachineRequest request, HttpServletRequest http) {
        return activations.validate(http.getRemoteAddr(), request.email(), request.licenseKey(), request.fingerprint());
    }

    @Operation(
            summary = "The activation keys' public keys",
            description = "A JSON Web Key Set of the Ed25519 keys that sign activation keys, for products that verify "
                    + "their key offline (activation-verifier does).")
    @GetMapping("/keys")
    Map<String, Object> keys() {
        return keys.jwks();
    }
}
