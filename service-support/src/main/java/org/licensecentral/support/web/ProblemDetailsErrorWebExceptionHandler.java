package org.licensecentral.support.web;

import java.net.URI;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The reactive counterpart of {@link ProblemDetailsErrorController}: any exception that escapes a
 * WebFlux handler or a gateway filter (no route, upstream down, timeout) becomes problem+json.
 */
public class ProblemDetailsErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsErrorWebExceptionHandler.class);

    private final ObjectMapper objectMapper;

    public ProblemDetailsErrorWebExceptionHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = problemFor(error);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        byte[] body;
        try {
            body = objectMapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        if (error instanceof ErrorResponse errorResponse) {
            response.getHeaders().addAll(errorResponse.getHeaders()); // Retry-After, Allow, ...
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static ProblemDetail problemFor(Throwable error) {
        if (error instanceof ErrorResponse errorResponse
                && !errorResponse.getStatusCode().is5xxServerError()) {
            return errorResponse.getBody();
        }
        HttpStatusCode status = error instanceof ErrorResponse errorResponse
                ? errorResponse.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        log.error("request failed with {}", status.value(), error);
        // A server error's message may carry internals; the log has it, with the trace id.
        return ProblemDetail.forStatus(status);
    }
}
