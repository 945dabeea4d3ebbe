package org.licensecentral.support.web;

import java.util.List;

import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Each service's OpenAPI description names the service and points "try it out" at the origin the
 * page came from (the gateway), not at the service's own address, which clients never call.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class OpenApiAutoConfiguration {

    @Bean
    OpenApiCustomizer licenseCentralOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "License Central");
        return openApi -> {
            openApi.getInfo().title("License Central: " + name).version("v1");
            openApi.servers(List.of(new Server().url("/").description("the gateway")));
        };
    }
}
