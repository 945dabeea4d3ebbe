package org.licensecentral.store.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Anyone may buy, so every page is open; what Spring Security adds is the rest: a CSRF token in
 * each form (another site cannot make a visitor's browser buy), and the portal's strict
 * Content-Security-Policy, as identity-service's pages have it: this service's stylesheet and icon
 * only, no script at all, forms post only here, no framing.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain store(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; "
                                        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                                        + "form-action 'self'"))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
