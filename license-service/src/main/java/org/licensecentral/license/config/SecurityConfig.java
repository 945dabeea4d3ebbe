package org.licensecentral.license.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.licensecentral.support.web.ProblemDetailsAuthenticationEntryPoint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A resource server (defence in depth behind the gateway): every API call carries a JWT from
 * identity-service, and the caller's account is the token's subject, never a header or parameter.
 * {@code /internal/**} needs the {@code internal} scope of the service-to-service client.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        ProblemDetailsAuthenticationEntryPoint entryPoint = new ProblemDetailsAuthenticationEntryPoint(objectMapper);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/**", "/error").permitAll()
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
