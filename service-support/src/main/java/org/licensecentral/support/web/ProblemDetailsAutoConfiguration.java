package org.licensecentral.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Makes every error answer RFC 9457 problem+json, including those that never reach a controller
 * (unknown paths, filter errors, the gateway's routing failures): Spring MVC's exceptions through
 * {@link ProblemDetailsExceptionHandler}, WebFlux's through Spring's own handler (enabled in the
 * platform defaults), and whatever is left instead of Spring Boot's whitelabel or JSON error.
 */
@AutoConfiguration(
        before = {ErrorMvcAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class},
        after = Jackson2AutoConfiguration.class)
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

        // Replaces Spring Boot's handler of the same kind (it backs off when one exists).
        @Bean
        ProblemDetailsExceptionHandler problemDetailsExceptionHandler() {
            return new ProblemDetailsExceptionHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrors {

        /**
         * Tomcat's host adds an ErrorReportValve of its configured class unless one is there: the
         * problem+json valve is put there first, under its own class name.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports(ObjectMapper objectMapper) {
            return factory -> factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemJsonErrorReportValve(objectMapper));
            });
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
