package org.licensecentral.gateway.web;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.licensecentral.support.web.ProblemResponse;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged in, for the portal's header. Answered by the gateway itself, since the login
 * session lives here; without a session or token it is a 401 like any other API call.
 */
@Tag(name = "Session", description = "The portal's login session, which the gateway keeps.")
@RestController
class SessionController {

    record Session(String accountId, String email) {}

    @Operation(
            summary = "Who is logged in",
            description = "The account id and e-mail address of the login session (or bearer token), for the portal's "
                    + "header.")
    @ProblemResponse(status = 401, description = "No login session and no bearer token.")
    @GetMapping("/api/v1/session")
    Session session(Principal principal) {
        if (principal instanceof OAuth2AuthenticationToken login && login.getPrincipal() instanceof OidcUser user) {
            return new Session(user.getSubject(), user.getEmail());
        }
        if (principal instanceof JwtAuthenticationToken bearer) {
            return new Session(bearer.getToken().getSubject(), bearer.getToken().getClaimAsString("email"));
        }
        throw new IllegalStateException(
                "unexpected principal " + principal.getClass().getName());
    }
}
