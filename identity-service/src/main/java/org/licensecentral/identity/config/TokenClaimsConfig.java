package org.licensecentral.identity.config;

import org.licensecentral.identity.account.AccountService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What an account's tokens say: {@code sub} is the account id (services key everything on it),
 * with {@code email} and {@code email_verified}, since licenses follow the verified e-mail.
 */
@Configuration(proxyBeanMethods = false)
class TokenClaimsConfig {

    /** Hashes carry their algorithm ({bcrypt}...), so the algorithm can change without a migration. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accountClaims(AccountService accounts) {
        return context -> {
            if (context.getPrincipal() instanceof UsernamePasswordAuthenticationToken login) {
                accounts.byEmail(login.getName()).ifPresent(account -> context.getClaims()
                        .subject(account.id())
                        .claim("email", account.email())
                        .claim("email_verified", account.emailVerified()));
            }
        };
    }
}
