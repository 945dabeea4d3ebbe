package org.licensecentral.support.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service behind the gateway is a resource server too (defence in depth): each API call
 * carries a JWT from identity-service and the caller is the token's subject, never a header or a
 * parameter. {@code /internal/**} needs the {@code internal} scope of the service-to-service
 * client; actuator stays open for probes and scraping, and so do the paths a service lists in
 * {@code licensecentral.security.public-paths} (the installed products' endpoints, which
 * authenticate by license key instead). A service with its own
 * {@link SecurityFilterChain} (identity-service) replaces this one.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnClass({JwtDecoder.class, HttpSecurity.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ResourceServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerSecurityFilterChain(HttpSecurity http, ObjectMapper objectMapper,
            @Value("${licensecentral.security.public-paths:}") List<String> publicPaths) throws Exception {
        ProblemDetailsAuthenticationEntryPoint entryPoint = new ProblemDetailsAuthenticationEntryPoint(objectMapper);
        // The OpenAPI description is public: the gateway's Swagger UI shows every service's.
        List<String> open = new ArrayList<>(List.of("/actuator/**", "/error", "/v3/api-docs", "/v3/api-docs/**"));
        publicPaths.stream().filter(path -> !path.isBlank()).forEach(open::add);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .requestMatchers("/internal/**").hasAuthority("SCOPE_internal")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()).authenticationEntryPoint(entryPoint))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                // Bearer tokens only, no cookies: no session and nothing for CSRF to ride on.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
