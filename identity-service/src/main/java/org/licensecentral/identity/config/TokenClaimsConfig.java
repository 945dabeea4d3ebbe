package org.licensecentral.identity.config;

import java.util.List;

import org.licensecentral.identity.account.AccountService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What an account's tokens say: {@code sub} is the account id (services key everything on it),
 * with {@code email} and {@code email_verified}, since licenses follow the verified e-mail.
 *
 * <p>An access token's {@code aud} names the API it is for, by client
 * ({@code licensecentral.identity.access-token-audiences}): the gateway's login tokens are for the
 * portal API, the internal client's for {@code /internal/**}, and each resource server accepts only
 * its own (issue 15, finding 7). An ID token keeps the client id as its audience, as OpenID Connect
 * requires; a client without a configured audience keeps that default too, which no resource
 * server accepts.
 */
@Configuration(proxyBeanMethods = false)
class TokenClaimsConfig {

    /** Hashes carry their algorithm ({bcrypt}...), so the algorithm can change without a migration. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accountClaims(AccountService accounts, ClientProperties clients) {
        return context -> {
            String audience = clients.accessTokenAudiences()
                    .get(context.getRegisteredClient().getClientId());
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) && audience != null) {
                context.getClaims().audience(List.of(audience));
            }
            if (context.getPrincipal() instanceof UsernamePasswordAuthenticationToken login) {
                accounts.byEmail(login.getName())
                        .ifPresent(account -> context.getClaims()
                                .subject(account.id())
                                .claim("email", account.email())
                                .claim("email_verified", account.emailVerified()));
            }
        };
    }
}
