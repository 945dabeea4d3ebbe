package org.licensecentral.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import org.licensecentral.gateway.config.GatewayProperties;
import org.licensecentral.support.web.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * No request larger than the API needs reaches a service: every body is a small JSON document
 * ({@code licensecentral.gateway.max-request-body}) and every URI short
 * ({@code licensecentral.gateway.max-uri-length}), so anything bigger is a mistake or an attack.
 * A declared Content-Length is refused at once; a chunked body is counted as it streams.
 */
@Component
class RequestSizeLimitWebFilter implements WebFilter, Ordered {

    private final long maxBytes;
    private final int maxUriLength;

    RequestSizeLimitWebFilter(GatewayProperties properties) {
        this.maxBytes = properties.maxRequestBody().toBytes();
        this.maxUriLength = properties.maxUriLength();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String query = exchange.getRequest().getURI().getRawQuery();
        if (exchange.getRequest().getURI().getRawPath().length() + (query == null ? 0 : query.length())
                > maxUriLength) {
            return Mono.error(Problems.exception(
                    HttpStatus.URI_TOO_LONG,
                    "uri-too-long",
                    "URI too long",
                    "A request URI may have at most " + maxUriLength + " characters."));
        }
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private Exception tooLarge() {
        return Problems.exception(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "body-too-large",
                "Request body too large",
                "A request body may have at most " + maxBytes + " bytes.");
    }

    @Override
    public int getOrder() {
        // After Spring Security, so a refused request still carries the security headers.
        return 0;
    }
}
