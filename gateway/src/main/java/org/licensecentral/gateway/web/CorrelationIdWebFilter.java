package org.licensecentral.gateway.web;

import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The correlation id of a request is its trace id: the gateway starts the trace (or continues the
 * caller's {@code traceparent}), sends it to every service it calls in the W3C {@code traceparent}
 * header, and each service logs it in every line. This filter also tells the caller, in
 * {@value #HEADER}, so a support request can quote it.
 */
@Component
class CorrelationIdWebFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Correlation-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .filter(tracing -> tracing.getSpan() != null)
                .ifPresent(tracing -> exchange.getResponse()
                        .getHeaders()
                        .set(HEADER, tracing.getSpan().context().traceId()));
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // Before Spring Security (-100), so a refused request carries the id too.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
