package org.licensecentral.identity.account;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a browser's login form gets when {@link LoginThrottle} refuses it: a page for a person
 * rather than problem+json (issue 16). The page is the web package's; the throttle only knows that
 * one exists, so the account package stays free of templates.
 */
public interface ThrottledLoginPage {

    /** Writes the body of the 429 answer, whose status and Retry-After are set already. */
    void write(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException;
}
