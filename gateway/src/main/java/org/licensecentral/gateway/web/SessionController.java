package org.licensecentral.gateway.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.licensecentral.support.web.ProblemResponse;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is logged in, for the portal's header, and whether the address is verified, for its banner
 * (issue 16). Answered by the gateway itself, since the login session lives here; without a
 * session or token it is a 401 like any other API call.
 *
 * <p>A login session answers from the access token that the routes relay, not from the ID token
 * of the login: the services decide by that token's {@code email_verified} whose licenses the
 * caller sees, and after a verification it is the token that a refresh renews, while the login's
 * ID token stays as it was.
 */
@Tag(name = "Session", description = "The portal's login session, which the gateway keeps.")
@RestController
class SessionController {

    /** The registration id of identity-service's login (config.SecurityConfig's). */
    private static final String IDENTITY = "identity";

    record Session(String accountId, String email, boolean emailVerified) {}

    private final ReactiveOAuth2AuthorizedClientManager authorizedClients;
    private final ServerOAuth2AuthorizedClientRepository storedClients;
    private final ReactiveJwtDecoder tokens;

    SessionController(
            ReactiveOAuth2AuthorizedClientManager authorizedClients,
            ServerOAuth2AuthorizedClientRepository storedClients,
            ReactiveJwtDecoder tokens) {
        this.authorizedClients = authorizedClients;
        this.storedClients = storedClients;
        this.tokens = tokens;
    }

    @Operation(
            summary = "Who is logged in",
            description = "The account id, e-mail address and whether that address is verified, of the login session "
                    + "(or bearer token), for the portal's header and its banner for an unverified address.")
    @ProblemResponse(status = 401, description = "No login session and no bearer token.")
    @GetMapping("/api/v1/session")
    Mono<Session> session(Authentication principal, ServerWebExchange exchange) {
        if (principal instanceof OAuth2AuthenticationToken login) {
            return authorize(OAuth2AuthorizeRequest.withClientRegistrationId(IDENTITY), login, exchange)
                    .flatMap(this::session);
        }
        return bearer(principal);
    }

    @Operation(
            summary = "Renew the session's tokens",
            description =
                    "Renews the login session's access token now (with its refresh token) and answers the session "
                            + "as the new token says, e.g. after the address was verified. A bearer client renews its own token; "
                            + "for it this answers as the session endpoint does.")
    @ProblemResponse(status = 401, description = "No login session and no bearer token.")
    @PostMapping("/api/v1/session/refresh")
    Mono<Session> refresh(Authentication principal, ServerWebExchange exchange) {
        if (principal instanceof OAuth2AuthenticationToken login) {
            return storedClients
                    .loadAuthorizedClient(IDENTITY, login, exchange)
                    .flatMap(client ->
                            authorize(OAuth2AuthorizeRequest.withAuthorizedClient(runOut(client)), login, exchange))
                    .flatMap(this::session)
                    // No stored client to renew: the session endpoint's answer, which authorizes one.
                    .switchIfEmpty(Mono.defer(() -> session(principal, exchange)))
                    // identity-service no longer knows the refresh token (it restarted, the token ran
                    // out): the session's tokens cannot be renewed, so it is over and the portal logs in anew.
                    .onErrorMap(
                            OAuth2AuthorizationException.class,
                            e -> new ResponseStatusException(
                                    HttpStatus.UNAUTHORIZED, "The login session can no longer be renewed.", e));
        }
        return bearer(principal);
    }

    /** What TokenRelay does before each relayed call: the session's client, renewed if its token ran out. */
    private Mono<OAuth2AuthorizedClient> authorize(
            OAuth2AuthorizeRequest.Builder request, OAuth2AuthenticationToken login, ServerWebExchange exchange) {
        return authorizedClients.authorize(request.principal(login)
                .attribute(ServerWebExchange.class.getName(), exchange)
                .build());
    }

    private Mono<Session> session(OAuth2AuthorizedClient client) {
        return tokens.decode(client.getAccessToken().getTokenValue()).map(SessionController::of);
    }

    private static Mono<Session> bearer(Authentication principal) {
        if (principal instanceof JwtAuthenticationToken bearer) {
            return Mono.just(of(bearer.getToken()));
        }
        return Mono.error(new IllegalStateException(
                "unexpected principal " + principal.getClass().getName()));
    }

    private static Session of(Jwt token) {
        return new Session(
                token.getSubject(),
                token.getClaimAsString("email"),
                Boolean.TRUE.equals(token.getClaimAsBoolean("email_verified")));
    }

    /**
     * The client with its access token marked as run out, so that the manager's refresh-token
     * provider, which renews only a token that has run out, renews it now and stores the result
     * where the routes' TokenRelay reads it. Without a refresh token the manager answers the client
     * as it is, whose token is still the valid one.
     */
    private static OAuth2AuthorizedClient runOut(OAuth2AuthorizedClient client) {
        OAuth2AccessToken token = client.getAccessToken();
        Instant issued = token.getIssuedAt() == null ? Instant.EPOCH : token.getIssuedAt();
        return new OAuth2AuthorizedClient(
                client.getClientRegistration(),
                client.getPrincipalName(),
                new OAuth2AccessToken(
                        token.getTokenType(), token.getTokenValue(), issued, issued.plusMillis(1), token.getScopes()),
                client.getRefreshToken());
    }
}
