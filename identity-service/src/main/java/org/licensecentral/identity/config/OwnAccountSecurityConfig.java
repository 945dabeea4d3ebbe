package org.licensecentral.identity.config;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.licensecentral.support.web.ProblemDetailsAuthenticationEntryPoint;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /api/v1/account/**}: what the signed-in account does to itself through the portal, with
 * the access token the gateway relays. This service issued the token, so it checks it with its own
 * signing key (no round trip to its JWKS endpoint), and, as every resource server here, for the
 * issuer and the portal audience (issue 15, finding 7): an internal client's token is no account.
 * Stateless: no session, no cookie, so no CSRF to guard; the gateway guards the browser's.
 */
@Configuration(proxyBeanMethods = false)
class OwnAccountSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain ownAccount(
            HttpSecurity http,
            JWKSource<SecurityContext> signingKeys,
            ObjectMapper objectMapper,
            @Value("${licensecentral.identity.issuer}") String issuer,
            @Value("${licensecentral.security.portal-audience}") String portalAudience)
            throws Exception {
        NimbusJwtDecoder tokens = NimbusJwtDecoder.withJwkSource(signingKeys).build();
        tokens.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audiences -> audiences != null && audiences.contains(portalAudience))));
        ProblemDetailsAuthenticationEntryPoint problems = new ProblemDetailsAuthenticationEntryPoint(objectMapper);
        return http.securityMatcher("/api/v1/account/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
