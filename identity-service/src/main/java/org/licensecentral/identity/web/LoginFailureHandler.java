package org.licensecentral.identity.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.licensecentral.identity.account.LoginWaitException;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Turns a refused login into what the login page tells the person (issue 16), kept in the session
 * for the page that the browser is sent back to ({@code /login?error}), as Spring Security keeps
 * its exception. A wrong password and an unknown address read alike (Spring's provider answers
 * both with {@link BadCredentialsException}), so the page tells nobody whether an address has an
 * account. A wait says how many minutes are left; it is counted per client address, so an
 * attacker elsewhere cannot cause it, and a password reset lifts it.
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

    /** The session attribute that {@link LoginPageController} reads. */
    static final String FAILURE = LoginFailureHandler.class.getName() + ".FAILURE";

    /** What the page shows after a refused login: the message, and the address typed, to fill in again. */
    record LoginFailure(String message, String email) {}

    static final String WRONG_CREDENTIALS = "Wrong e-mail address or password.";
    static final String FAILED = "Signing in did not work. Please try again.";

    private final Clock clock;
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    LoginFailureHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String email = request.getParameter("username");
        request.getSession().setAttribute(FAILURE, new LoginFailure(message(failure), email == null ? "" : email));
        redirects.sendRedirect(request, response, "/login?error");
    }

    String message(AuthenticationException failure) {
        if (failure instanceof LoginWaitException wait) {
            long minutes = minutesLeft(Duration.between(clock.instant(), wait.retryAt()));
            return "Too many failed attempts from this address. Try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes.")
                    + " Resetting your password lifts the wait at once.";
        }
        if (failure instanceof BadCredentialsException) {
            return WRONG_CREDENTIALS;
        }
        return FAILED;
    }

    /** Whole minutes, rounded up: "1 minute" until the wait is over, never "0 minutes". */
    static long minutesLeft(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
