package org.licensecentral.identity.config;

import java.nio.file.Path;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.licensecentral.identity.account.LoginThrottle;
import org.licensecentral.identity.keys.SigningKeys;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * identity-service is the OIDC provider (Spring Authorization Server): the protocol endpoints
 * (authorize, token, JWKS, discovery) in one chain, login and the public account API in the
 * other. Registered clients come from {@code spring.security.oauth2.authorizationserver.client.*}:
 * the gateway (authorization code with PKCE) and the internal client (client credentials, scope
 * {@code internal}), with the secrets {@link ClientProperties} requires. Form logins go through
 * the account package's {@code AuthenticationProvider} bean, which Spring Security's global
 * authentication manager picks up; the web package's failure handler turns a refused login into
 * the login page's message.
 *
 * <p>Both chains send a strict Content-Security-Policy, as the gateway does for the portal: the
 * pages load only this service's stylesheet and icon, run no script, and may not be framed.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(
            HttpSecurity http, @Value("${licensecentral.identity.gateway-url}") String gatewayUrl) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        return http.securityMatcher(server.getEndpointsMatcher())
                .headers(headers -> securityHeaders(headers, gatewayUrl))
                .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // A browser without a session is sent to the login page; API clients get 401.
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(
            HttpSecurity http,
            LoginThrottle loginThrottle,
            AuthenticationFailureHandler loginFailures,
            @Value("${licensecentral.identity.gateway-url}") String gatewayUrl)
            throws Exception {
        return http.addFilterBefore(loginThrottle, UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> securityHeaders(headers, gatewayUrl))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/**",
                                "/error",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/api/v1/accounts/**",
                                // With a failure handler of its own, formLogin's permitAll() covers
                                // "/login" only without a query, not the "/login?error" it sends to.
                                "/login",
                                "/css/**",
                                "/favicon.svg")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // The login page is the web package's (the portal's look, the e-mail address as the
                // login name, messages that say what went wrong); so is the failure handler.
                .formLogin(form ->
                        form.loginPage("/login").failureHandler(loginFailures).permitAll())
                // The account API takes JSON from the portal through the gateway, which guards CSRF for browsers.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/v1/accounts/**"))
                .build();
    }

    /** The throttle runs inside the login chain only, not a second time as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottleRegistration(LoginThrottle loginThrottle) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(loginThrottle);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * No script, no inline style, nothing from elsewhere, no framing (clickjacking a login form).
     * form-action also names the gateway: after the login form's POST the browser is redirected,
     * through the authorization endpoint, to the gateway's redirect URI, and browsers check
     * form-action on every redirect of a form submission.
     */
    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers, String gatewayUrl) {
        headers.contentSecurityPolicy(csp ->
                        csp.policyDirectives("default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; "
                                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                                + "form-action 'self' " + gatewayUrl))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${licensecentral.identity.signing-key-file}") Path keyFile) {
        return new ImmutableJWKSet<>(SigningKeys.loadOrCreate(keyFile));
    }
}
