package org.licensecentral.license.web;

import java.net.URI;
import java.util.Locale;

import org.licensecentral.license.catalog.UnknownProductException;
import org.licensecentral.license.command.AttachRequestException;
import org.licensecentral.license.command.PurchaseRejectedException;
import org.licensecentral.license.command.RemoteManagementNotSupportedException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The license service's own problem types (RFC 9457); Spring's exceptions are handled by the platform. */
@RestControllerAdvice
class ProblemHandlers {

    static final String TYPE_BASE = "https://licensecentral.org/problems/";

    @ExceptionHandler(PurchaseRejectedException.class)
    ProblemDetail purchaseRejected(PurchaseRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setType(URI.create(TYPE_BASE + "purchase-rejected"));
        problem.setTitle("Purchase rejected");
        return problem;
    }

    @ExceptionHandler(UnknownProductException.class)
    ProblemDetail unknownProduct(UnknownProductException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setType(URI.create(TYPE_BASE + "unknown-product"));
        problem.setTitle("Unknown product");
        return problem;
    }

    @ExceptionHandler(AttachRequestException.class)
    ResponseEntity<ProblemDetail> attachRequest(AttachRequestException e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case EXPIRED -> HttpStatus.GONE;
            case LOCKED, USED -> HttpStatus.CONFLICT;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create(TYPE_BASE + "attach-request-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        // Whole seconds, rounded up, as RFC 9110 wants for Retry-After.
        e.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
        return response.body(problem);
    }

    @ExceptionHandler(RemoteManagementNotSupportedException.class)
    ProblemDetail remoteManagementNotSupported(RemoteManagementNotSupportedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setType(URI.create(TYPE_BASE + "remote-management-not-supported"));
        problem.setTitle("Remote Management not supported");
        return problem;
    }
}
