package org.licensecentral.activation.web;

import org.licensecentral.activation.command.ActivationNotFoundException;
import org.licensecentral.activation.command.ActivationRevokedException;
import org.licensecentral.activation.command.InvalidActivationKeyException;
import org.licensecentral.activation.command.InvalidDeactivationCodeException;
import org.licensecentral.activation.command.InvalidLicenseException;
import org.licensecentral.activation.command.InvalidServiceKeyException;
import org.licensecentral.activation.command.LostMachineReleaseLimitException;
import org.licensecentral.activation.command.NoFreeSeatException;
import org.licensecentral.activation.command.OfflineProofRequiredException;
import org.licensecentral.activation.command.OnlineMachineException;
import org.licensecentral.activation.command.ServiceKeyExpiredException;
import org.licensecentral.activation.command.ServiceKeyUsedException;
import org.licensecentral.activation.command.TooManyFailedAttemptsException;
import org.licensecentral.activation.command.VersionNotCoveredException;
import org.licensecentral.activation.licenses.InvalidVersionException;
import org.licensecentral.support.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The activation service's own problem types (RFC 9457). */
@RestControllerAdvice
class ProblemHandlers {

    @ExceptionHandler(NoFreeSeatException.class)
    ProblemDetail noFreeSeat(NoFreeSeatException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "no-free-seat", "No free seat", e.getMessage());
        problem.setProperty("heldBy", e.heldBy());
        return problem;
    }

    @ExceptionHandler(InvalidLicenseException.class)
    ProblemDetail invalidLicense(InvalidLicenseException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "invalid-license", "Invalid license", e.getMessage());
    }

    @ExceptionHandler(ActivationNotFoundException.class)
    ProblemDetail notFound(ActivationNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "activation-not-found", "Activation not found", e.getMessage());
    }

    @ExceptionHandler(InvalidServiceKeyException.class)
    ProblemDetail invalidServiceKey(InvalidServiceKeyException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-service-key", "Invalid service key", e.getMessage());
    }

    @ExceptionHandler(ActivationRevokedException.class)
    ProblemDetail revoked(ActivationRevokedException e) {
        ProblemDetail problem =
                Problems.of(HttpStatus.FORBIDDEN, "activation-revoked", "Activation revoked", e.getMessage());
        problem.setProperty("reason", e.reason());
        return problem;
    }

    @ExceptionHandler(InvalidActivationKeyException.class)
    ProblemDetail invalidActivationKey(InvalidActivationKeyException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-activation-key", "Invalid activation key", e.getMessage());
    }

    @ExceptionHandler(InvalidVersionException.class)
    ProblemDetail invalidVersion(InvalidVersionException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-version", "Invalid product version", e.getMessage());
    }

    @ExceptionHandler(VersionNotCoveredException.class)
    ProblemDetail versionNotCovered(VersionNotCoveredException e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.FORBIDDEN, "version-not-covered", "Version not covered by maintenance", e.getMessage());
        problem.setProperty(
                "newestAllowedVersion",
                e.newestAllowed() == null ? null : e.newestAllowed().toString());
        return problem;
    }

    @ExceptionHandler(ServiceKeyUsedException.class)
    ProblemDetail serviceKeyUsed(ServiceKeyUsedException e) {
        return Problems.of(HttpStatus.CONFLICT, "service-key-used", "Service key used already", e.getMessage());
    }

    @ExceptionHandler(ServiceKeyExpiredException.class)
    ProblemDetail serviceKeyExpired(ServiceKeyExpiredException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "service-key-expired", "Service key expired", e.getMessage());
    }

    @ExceptionHandler(OfflineProofRequiredException.class)
    ProblemDetail offlineProofRequired(OfflineProofRequiredException e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                "offline-deactivation-code-required",
                "Deactivation code required",
                e.getMessage());
        problem.setProperty("leaseEnds", e.leaseEnds());
        return problem;
    }

    @ExceptionHandler(InvalidDeactivationCodeException.class)
    ProblemDetail invalidDeactivationCode(InvalidDeactivationCodeException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST, "invalid-deactivation-code", "Invalid deactivation code", e.getMessage());
    }

    @ExceptionHandler(LostMachineReleaseLimitException.class)
    ProblemDetail lostMachineReleaseLimit(LostMachineReleaseLimitException e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                "lost-machine-release-limit",
                "Lost-machine release limit reached",
                e.getMessage());
        problem.setProperty("availableAt", e.availableAt());
        return problem;
    }

    @ExceptionHandler(OnlineMachineException.class)
    ProblemDetail onlineMachine(OnlineMachineException e) {
        return Problems.of(HttpStatus.CONFLICT, "online-machine", "Online machine", e.getMessage());
    }

    @ExceptionHandler(TooManyFailedAttemptsException.class)
    ResponseEntity<ProblemDetail> tooManyFailedAttempts(TooManyFailedAttemptsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Problems.retryAfter(e.retryAfter()))
                .body(Problems.of(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-failed-attempts",
                        "Too many failed attempts",
                        e.getMessage()));
    }
}
