package org.licensecentral.activation.web;

import org.licensecentral.activation.command.ActivationNotFoundException;
import org.licensecentral.activation.command.InvalidLicenseException;
import org.licensecentral.activation.command.InvalidServiceKeyException;
import org.licensecentral.activation.command.NoFreeSeatException;
import org.licensecentral.activation.command.TooManyFailedAttemptsException;
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

    @ExceptionHandler(TooManyFailedAttemptsException.class)
    ResponseEntity<ProblemDetail> tooManyFailedAttempts(TooManyFailedAttemptsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Problems.retryAfter(e.retryAfter()))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-attempts", "Too many failed attempts",
                        e.getMessage()));
    }
}
