package org.licensecentral.identity.account;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.licensecentral.support.limits.KeyedLimiter;
import org.licensecentral.support.web.Problems;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed logins per client address: past the limit, the login form's POST answers 429 with
 * Retry-After before any password is checked. The wait per account and address is
 * {@link FailedLogins}'; this one stops one address from trying many accounts.
 *
 * <p>Each POST takes its token before the password is checked and gets it back when the login
 * succeeds: the check and the count are one step, so parallel wrong logins cannot all pass a check
 * that none of them has counted yet (issue 15, finding 5).
 *
 * <p>A browser's form (it asks for {@code text/html}) gets the 429 as a page in the login page's
 * look that says how long to wait ({@link ThrottledLoginPage}); any other client keeps the
 * problem+json answer of the API (issue 16).
 */
@Component
public class LoginThrottle extends OncePerRequestFilter {

    private final KeyedLimiter perAddress;
    private final ObjectMapper json;
    private final ThrottledLoginPage page;
    /** A browser's navigation asks for text/html; a bare wildcard (curl, HTTP libraries) is no browser. */
    private final MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);

    public LoginThrottle(LoginLimits limits, ObjectMapper json, ThrottledLoginPage page) {
        this.perAddress = new KeyedLimiter(limits.perAddress(), limits.window());
        this.json = json;
        this.page = page;
        browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = perAddress.tryAcquire(request.getRemoteAddr()).orElse(null);
        if (wait == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Problems.retryAfter(wait));
        if (browsers.matches(request)) {
            page.write(request, response, wait);
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(),
                Problems.of(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-failed-logins",
                        "Too many failed logins",
                        "Too many failed logins from this address; try again later."));
    }

    /** Only a form login's success gives a token back; a client authenticating at the token endpoint took none. */
    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken login
                && login.getDetails() instanceof WebAuthenticationDetails details) {
            perAddress.refund(details.getRemoteAddress());
        }
    }
}
