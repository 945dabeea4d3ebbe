package org.licensecentral.support.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Each service's OpenAPI description is a contract (Spectral's {@code spectral:oas} lints it in
 * the build): it names and describes the service, points "try it out" at the origin the page came
 * from (the gateway) rather than the service's own address, and documents every error an
 * operation answers as problem+json with the one {@value #PROBLEM} schema.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class OpenApiAutoConfiguration {

    /** The security scheme of the portal's calls, for {@code @SecurityRequirement(name = PORTAL_TOKEN)}. */
    public static final String PORTAL_TOKEN = "portalToken";

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenApiCustomizer licenseCentralOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "License Central");
        String description = environment.getProperty(
                "licensecentral.openapi.description", "The " + name + " API of License Central.");
        return openApi -> {
            openApi.getInfo()
                    .title("License Central: " + name)
                    .version("v1")
                    .description(description)
                    .contact(new Contact().name("License Central developers"));
            openApi.servers(List.of(new Server().url("/").description("the gateway")));
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(
                            PORTAL_TOKEN,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description(
                                            "An access token of identity-service for the portal (audience "
                                                    + "licensecentral-portal). Through the gateway, the login session adds it."));
            if (openApi.getPaths() != null && !openApi.getPaths().isEmpty()) {
                openApi.getPaths()
                        .values()
                        .forEach(path -> path.readOperations().forEach(OpenApiAutoConfiguration::addSharedProblems));
                // Only a document with operations answers problems (an unused schema is a lint warning).
                openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            }
        };
    }

    /** The operation's own {@link ProblemResponse}s. */
    @Bean
    OperationCustomizer licenseCentralProblemResponses() {
        return (operation, handler) -> {
            Map<String, String> byStatus = new LinkedHashMap<>();
            for (ProblemResponse problem : handler.getMethod().getAnnotationsByType(ProblemResponse.class)) {
                byStatus.merge(Integer.toString(problem.status()), problem.description(), (a, b) -> a + "\n\n" + b);
            }
            byStatus.forEach((status, description) -> problem(operation, status, description));
            return operation;
        };
    }

    /** What every operation of its kind can answer: invalid input, a missing or refused token. */
    private static void addSharedProblems(Operation operation) {
        // A path's own ids are plain strings: what can be invalid is a body or a query parameter.
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn())));
        if (takesInput) {
            problem(
                    operation,
                    "400",
                    "The request is not valid: unreadable JSON, a missing or malformed field, "
                            + "or a value out of range (`errors` names each field and what is wrong with it).");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            problem(
                    operation,
                    "401",
                    "No access token, or one that is expired, not signed by identity-service "
                            + "or not issued to License Central.");
            problem(
                    operation,
                    "403",
                    "A token of another client (the internal one), which may not call the portal's API.");
        }
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    response.content(new Content()
                            .addMediaType(
                                    PROBLEM_JSON,
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                }
            });
        }
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.responses(new ApiResponses());
        }
        ApiResponse existing = operation.getResponses().get(status);
        String merged = existing == null
                        || existing.getDescription() == null
                        || existing.getDescription().isBlank()
                ? description
                : existing.getDescription() + "\n\n" + description;
        operation.getResponses().addApiResponse(status, new ApiResponse().description(merged));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details. `type` tells the failure apart (for example "
                        + "`" + Problems.TYPE_BASE + "no-free-seat`); some problems add members of their own, "
                        + "such as `attemptsLeft` or `errors`.")
                .addProperty("type", new StringSchema().format("uri-reference"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .additionalProperties(true);
    }
}
