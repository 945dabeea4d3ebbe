package org.licensecentral.gateway.config;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import java.net.URI;
import java.util.Map;

import org.licensecentral.gateway.security.CsrfCookieWebFilter;
import org.licensecentral.gateway.security.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;

/**
 * Two chains. Installed products and API clients with their own bearer JWT get a stateless one:
 * no session, no CSRF cookie, nothing stored between requests; the gateway checks the token and
 * passes it on unchanged. Browsers get the other: they log in with the authorization code flow
 * (PKCE) at identity-service and keep a session cookie, state changes need the CSRF token, and the
 * TokenRelay filter of the routes sends the session's access token on to the services. The
 * services check the token again either way.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class SecurityConfig {

    static final String REGISTRATION_ID = "identity";

    /**
     * Creating a session and a CSRF token costs two thread hops and two random ids per request,
     * which for a client that never sends a cookie back is all waste: this chain has neither.
     */
    @Bean
    @Order(1)
    SecurityWebFilterChain apiClientChain(ServerHttpSecurity http, GatewayProperties properties) {
        return http.securityMatcher(new OrServerWebExchangeMatcher(
                        pathMatchers("/api/v1/software/**"), SecurityConfig::bearerToken))
                .authorizeExchange(exchanges -> exchanges
                        // Installed products authenticate with e-mail and license key (rate limited by the route).
                        .pathMatchers("/api/v1/software/**", "/api/v1/accounts/**")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(ProblemResponses::unauthenticated)
                        .accessDeniedHandler(ProblemResponses::forbidden))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(ProblemResponses::unauthenticated)
                        .accessDeniedHandler(ProblemResponses::forbidden))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // A bearer token is not sent by the browser on its own, and installed products have no cookie.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(headers -> securityHeaders(headers, properties))
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain browserChain(
            ServerHttpSecurity http,
            GatewayProperties properties,
            ReactiveClientRegistrationRepository clientRegistrations) {
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(properties.secureCookies()));
        return http.authorizeExchange(exchanges -> exchanges
                        // The portal's files (its ES modules in js/) and the pages of the login round trip.
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/js/*.js", "/*.css", "/*.svg")
                        .permitAll()
                        .pathMatchers("/oauth2/**", "/login/**", "/logout")
                        .permitAll()
                        // Registration, verification and password reset happen before there is a login.
                        .pathMatchers("/api/v1/accounts/**")
                        .permitAll()
                        // Public health says UP or DOWN only; actuator itself answers on the management
                        // port alone, which this chain guards too and which only this machine reaches.
                        .pathMatchers(HttpMethod.GET, "/livez", "/readyz")
                        .permitAll()
                        .pathMatchers("/actuator/**", "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2Login(login -> login.authenticationFailureHandler(
                        new RedirectServerAuthenticationFailureHandler("/?login=failed")))
                // The portal is a script page: an API call without a session answers 401, never a redirect.
                .exceptionHandling(handling -> handling.authenticationEntryPoint(ProblemResponses::unauthenticated)
                        .accessDeniedHandler(ProblemResponses::forbidden))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // The portal echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN as it is (no BREACH
                        // masking: the token never appears in a compressed response body).
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler(ProblemResponses::csrfRejected))
                .addFilterAfter(new CsrfCookieWebFilter(), SecurityWebFiltersOrder.CSRF)
                .logout(logout -> logout.logoutSuccessHandler(logoutAtIdentity(clientRegistrations)))
                .headers(headers -> securityHeaders(headers, properties))
                .build();
    }

    /** WebFluxSecurityConfiguration hands this to the firewall of the filter chain proxy. */
    @Bean
    ServerExchangeRejectedHandler problemForRejectedExchanges() {
        return ProblemResponses::rejected;
    }

    private static Mono<MatchResult> bearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? MatchResult.match()
                : MatchResult.notMatch();
    }

    private static void securityHeaders(ServerHttpSecurity.HeaderSpec headers, GatewayProperties properties) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties)))
                .frameOptions(frame -> frame.mode(Mode.DENY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * Everything the portal needs comes from the gateway itself; forms may also go to
     * identity-service, since logging out redirects there and browsers check form-action on it.
     */
    private static String contentSecurityPolicy(GatewayProperties properties) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + properties.identity().issuer();
    }

    /** Ends the session at identity-service too (OIDC RP-initiated logout), then back to the portal. */
    private static OidcClientInitiatedServerLogoutSuccessHandler logoutAtIdentity(
            ReactiveClientRegistrationRepository clientRegistrations) {
        OidcClientInitiatedServerLogoutSuccessHandler handler =
                new OidcClientInitiatedServerLogoutSuccessHandler(clientRegistrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        handler.setLogoutSuccessUrl(URI.create("/"));
        return handler;
    }

    /**
     * The registration is spelled out rather than discovered from the issuer, so the gateway starts
     * without identity-service being up, and the browser-facing and internal addresses can differ.
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(GatewayProperties properties) {
        GatewayProperties.Identity identity = properties.identity();
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("License Central")
                .clientId(identity.clientId())
                .clientSecret(identity.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "email")
                .issuerUri(identity.issuer())
                .authorizationUri(identity.issuer() + "/oauth2/authorize")
                .tokenUri(identity.uri() + "/oauth2/token")
                .jwkSetUri(identity.uri() + "/oauth2/jwks")
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", identity.issuer() + "/connect/logout"))
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }
}
