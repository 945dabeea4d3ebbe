package org.licensecentral.support.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service behind the gateway is a resource server too (defence in depth): each API call
 * carries a JWT from identity-service and the caller is the token's subject, never a header or a
 * parameter. The decoder checks the issuer and that the audience is one of ours (the platform
 * defaults set {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and {@code audiences});
 * which audience a path needs is decided here:
 * <ul>
 *   <li>{@code /internal/**}: the {@code internal} scope and the internal audience, which only the
 *       service-to-service client's tokens carry;</li>
 *   <li>everything else: the portal audience of the tokens issued to the gateway's login, so an
 *       internal token is no portal identity (issue 15, finding 7).</li>
 * </ul>
 * Actuator stays open for probes and scraping (the services listen on loopback or the internal
 * network only), and so do the paths a service lists in {@code licensecentral.security.public-paths}
 * (the installed products' endpoints, which authenticate by license key instead). A service with
 * its own {@link SecurityFilterChain} (identity-service) replaces this one.
 */
@AutoConfiguration(
        before = {
            SecurityAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class
        })
@ConditionalOnClass({JwtDecoder.class, JwtAuthenticationConverter.class, HttpSecurity.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ResourceServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerSecurityFilterChain(
            HttpSecurity http,
            ObjectMapper objectMapper,
            @Value("${licensecentral.security.public-paths:}") List<String> publicPaths,
            @Value("${licensecentral.security.portal-audience}") String portalAudience,
            @Value("${licensecentral.security.internal-audience}") String internalAudience)
            throws Exception {
        ProblemDetailsAuthenticationEntryPoint entryPoint = new ProblemDetailsAuthenticationEntryPoint(objectMapper);
        // The OpenAPI description is public: the gateway's Swagger UI shows every service's.
        List<String> open = new ArrayList<>(List.of("/actuator/**", "/error", "/v3/api-docs", "/v3/api-docs/**"));
        publicPaths.stream().filter(path -> !path.isBlank()).forEach(open::add);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(open.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers("/internal/**")
                        .access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasAuthority("SCOPE_internal"),
                                AuthorityAuthorizationManager.hasAuthority(AUDIENCE + internalAudience)))
                        .anyRequest()
                        .hasAuthority(AUDIENCE + portalAudience))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(scopesAndAudiences()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                // Bearer tokens only, no cookies: no session and nothing for CSRF to ride on.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** The prefix of the authorities that name a token's audiences, beside Spring's {@code SCOPE_}. */
    static final String AUDIENCE = "AUDIENCE_";

    private static JwtAuthenticationConverter scopesAndAudiences() {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            List<String> audiences = jwt.getAudience() == null ? List.of() : jwt.getAudience();
            audiences.forEach(audience -> authorities.add(new SimpleGrantedAuthority(AUDIENCE + audience)));
            return authorities;
        });
        return converter;
    }
}
