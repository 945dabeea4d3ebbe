package org.licensecentral.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Makes every error answer RFC 9457 problem+json, including those that never reach a controller
 * (unknown paths, filter errors, the gateway's routing failures). Spring's own
 * {@code ResponseEntityExceptionHandler} covers controller exceptions (enabled in the platform
 * defaults); these beans replace Spring Boot's whitelabel/JSON error handling for the rest.
 */
@AutoConfiguration(
        before = {ErrorMvcAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class},
        after = JacksonAutoConfiguration.class)
public class ProblemDetailsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    static class Servlet {

        // Defined before ErrorMvcAutoConfiguration, whose BasicErrorController backs off when an
        // ErrorController exists; its ErrorAttributes bean is still the one used here.
        @Bean
        ProblemDetailsErrorController problemDetailsErrorController(ErrorAttributes errorAttributes) {
            return new ProblemDetailsErrorController(errorAttributes);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.REACTIVE)
    static class Reactive {

        // Ahead of Spring Boot's DefaultErrorWebExceptionHandler (order -1), which renders plain JSON.
        @Bean
        @Order(-2)
        ErrorWebExceptionHandler problemDetailsErrorWebExceptionHandler(ObjectMapper objectMapper) {
            return new ProblemDetailsErrorWebExceptionHandler(objectMapper);
        }
    }
}
