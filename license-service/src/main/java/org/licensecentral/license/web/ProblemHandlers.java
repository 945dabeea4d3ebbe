package org.licensecentral.license.web;

import java.util.Locale;

import org.licensecentral.license.catalog.DownloadHostNotAllowedException;
import org.licensecentral.license.catalog.UnknownProductException;
import org.licensecentral.license.command.AttachRequestException;
import org.licensecentral.license.command.PurchaseConflictException;
import org.licensecentral.license.command.PurchaseRejectedException;
import org.licensecentral.license.command.RemoteManagementNotSupportedException;
import org.licensecentral.support.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The license service's own problem types (RFC 9457); Spring's exceptions are handled by the platform. */
@RestControllerAdvice
class ProblemHandlers {

    @ExceptionHandler(PurchaseRejectedException.class)
    ProblemDetail purchaseRejected(PurchaseRejectedException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "purchase-rejected", "Purchase rejected", e.getMessage());
    }

    @ExceptionHandler(PurchaseConflictException.class)
    ProblemDetail purchaseConflict(PurchaseConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "purchase-conflict", "Purchase conflict", e.getMessage());
    }

    @ExceptionHandler(UnknownProductException.class)
    ProblemDetail unknownProduct(UnknownProductException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-product", "Unknown product", e.getMessage());
    }

    @ExceptionHandler(DownloadHostNotAllowedException.class)
    ProblemDetail downloadHostNotAllowed(DownloadHostNotAllowedException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST, "download-host-not-allowed", "Download host not allowed", e.getMessage());
    }

    @ExceptionHandler(AttachRequestException.class)
    ResponseEntity<ProblemDetail> attachRequest(AttachRequestException e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case EXPIRED -> HttpStatus.GONE;
            case LOCKED, USED -> HttpStatus.CONFLICT;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
        };
        String type =
                "attach-request-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        e.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, Problems.retryAfter(wait)));
        return response.body(Problems.of(status, type, "Attach request not confirmed", e.getMessage()));
    }

    @ExceptionHandler(RemoteManagementNotSupportedException.class)
    ProblemDetail remoteManagementNotSupported(RemoteManagementNotSupportedException e) {
        return Problems.of(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "remote-management-not-supported",
                "Remote Management not supported",
                e.getMessage());
    }
}
