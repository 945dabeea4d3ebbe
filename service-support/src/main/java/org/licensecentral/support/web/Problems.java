package org.licensecentral.support.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The services' own problem types (RFC 9457), all under one base URI, so a client can tell every
 * failure by its {@code type}: {@code https://licensecentral.org/problems/<type>}.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://licensecentral.org/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** A Retry-After value: whole seconds, rounded up and at least one, as RFC 9110 wants. */
    public static String retryAfter(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    /** For a controller that answers with a problem by throwing. */
    public static ErrorResponseException exception(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, of(status, type, title, detail), null);
    }
}
