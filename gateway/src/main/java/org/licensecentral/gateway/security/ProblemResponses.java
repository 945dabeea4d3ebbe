package org.licensecentral.gateway.security;

import org.licensecentral.support.web.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's refusals as the platform's problem+json: each handler fails the exchange with
 * a problem, which the platform's error handler writes like any other error, so the gateway keeps
 * one error format.
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException e) {
        // RFC 6750: a client learns from this header that a bearer token is what is missing or wrong.
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        return Mono.error(Problems.exception(
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                "Login required",
                "Log in, or send a valid bearer token from identity-service."));
    }

    public static Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException e) {
        return Mono.error(
                Problems.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This account may not do that."));
    }

    /**
     * The firewall's refusals (an encoded slash, {@code //}, a path that normalises elsewhere): a
     * bare 400 from Spring Security otherwise (issue 15, finding 11).
     */
    public static Mono<Void> rejected(ServerWebExchange exchange, ServerExchangeRejectedException e) {
        return Mono.error(
                Problems.exception(
                        HttpStatus.BAD_REQUEST,
                        "rejected-request",
                        "Request refused",
                        "The path of this request is not one the gateway accepts (encoded slashes, \"//\" and \"..\" are refused)."));
    }

    public static Mono<Void> csrfRejected(ServerWebExchange exchange, AccessDeniedException e) {
        return Mono.error(Problems.exception(
                HttpStatus.FORBIDDEN,
                "csrf",
                "Missing or wrong CSRF token",
                "Send the value of the XSRF-TOKEN cookie in the X-XSRF-TOKEN header."));
    }
}
