package org.licensecentral.license.web;

import java.net.URI;

import org.licensecentral.license.command.PurchaseRejectedException;
import org.licensecentral.license.command.RemoteManagementNotSupportedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

    @ExceptionHandler(RemoteManagementNotSupportedException.class)
    ProblemDetail remoteManagementNotSupported(RemoteManagementNotSupportedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setType(URI.create(TYPE_BASE + "remote-management-not-supported"));
        problem.setTitle("Remote Management not supported");
        return problem;
    }
}
