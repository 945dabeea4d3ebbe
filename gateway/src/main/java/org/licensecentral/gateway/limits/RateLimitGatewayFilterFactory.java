package org.licensecentral.gateway.limits;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.licensecentral.support.limits.KeyedLimiter;
import org.licensecentral.support.web.Problems;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code RateLimit}: requests per client address, per account and per license key from an address, each with a
 * Bucket4j bucket (through {@link KeyedLimiter}), configured per route:
 * <pre>
 * filters:
 *   - name: RateLimit
 *     args: { name: software, perAddress: 120, perLicenseKey: 30, window: PT1M }
 * </pre>
 * A limit left out (0) is not applied. Past a limit the answer is 429 problem+json with
 * Retry-After, and the request never reaches the service. The license key is read from the JSON
 * body ({@code licenseKey}, else {@code purchaseId}), which is cached for the route to send on.
 *
 * <p>The client address is the connection's peer: the gateway is the edge and trusts no
 * forwarded header unless {@code server.forward-headers-strategy} says so.
 */
@Component
public class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<RateLimitGatewayFilterFactory.Config> {

    private final ObjectMapper objectMapper;
    private final MeterRegistry meters;

    public RateLimitGatewayFilterFactory(ObjectMapper objectMapper, MeterRegistry meters) {
        super(Config.class);
        this.objectMapper = objectMapper;
        this.meters = meters;
    }

    public static class Config {
        private String name = "default";
        private int perAddress;
        private int perAccount;
        private int perLicenseKey;
        private Duration window = Duration.ofMinutes(1);

        public void setName(String name) {
            this.name = name;
        }

        public void setPerAddress(int perAddress) {
            this.perAddress = perAddress;
        }

        public void setPerAccount(int perAccount) {
            this.perAccount = perAccount;
        }

        public void setPerLicenseKey(int perLicenseKey) {
            this.perLicenseKey = perLicenseKey;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }
    }

    /** One limit: what it counts by, and its buckets. */
    private record Limit(String dimension, Function<Request, Optional<String>> key, KeyedLimiter limiter) {}

    /** What a limit may count by, gathered once per request. */
    private record Request(String address, Optional<String> account, Optional<String> licenseKey) {}

    @Override
    public GatewayFilter apply(Config config) {
        List<Limit> limits = new ArrayList<>();
        if (config.perAddress > 0) {
            limits.add(new Limit(
                    "address",
                    request -> Optional.of(request.address()),
                    new KeyedLimiter(config.perAddress, config.window)));
        }
        if (config.perAccount > 0) {
            limits.add(new Limit("account", Request::account, new KeyedLimiter(config.perAccount, config.window)));
        }
        if (config.perLicenseKey > 0) {
            // Per key and address: whoever floods requests with someone's key slows down only
            // their own address, never the owner's machines elsewhere (issue 15, finding 3).
            limits.add(new Limit(
                    "license-key",
                    request -> request.licenseKey().map(key -> key + "@" + request.address()),
                    new KeyedLimiter(config.perLicenseKey, config.window)));
        }
        if (config.perLicenseKey == 0) {
            // Nothing to read from the body: the request streams on untouched.
            return (exchange, chain) -> check(exchange, limits, config.name).then(chain.filter(exchange));
        }
        return (exchange, chain) -> ServerWebExchangeUtils.cacheRequestBodyAndRequest(
                exchange,
                cached -> check(exchange, limits, config.name)
                        .then(chain.filter(exchange.mutate().request(cached).build())));
    }

    /** Takes a token from every limit that applies; fails with 429 at the first that has none left. */
    private Mono<Void> check(ServerWebExchange exchange, List<Limit> limits, String name) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(account -> {
                    Request request = new Request(address(exchange), account, licenseKey(exchange));
                    for (Limit limit : limits) {
                        Optional<Duration> wait = limit.key().apply(request).flatMap(limit.limiter()::tryAcquire);
                        if (wait.isPresent()) {
                            meters.counter("gateway.rate_limited", "limit", name, "by", limit.dimension())
                                    .increment();
                            return Mono.error(tooMany(wait.get()));
                        }
                    }
                    return Mono.empty();
                });
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private Optional<String> licenseKey(ServerWebExchange exchange) {
        DataBuffer body = exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
        if (body == null || body.readableByteCount() == 0) {
            return Optional.empty();
        }
        try {
            JsonNode json = objectMapper.readTree(body.toString(StandardCharsets.UTF_8));
            JsonNode key = json.hasNonNull("licenseKey") ? json.get("licenseKey") : json.get("purchaseId");
            return key != null && key.isTextual()
                    ? Optional.of(key.asText().trim().toUpperCase(Locale.ROOT))
                    : Optional.empty();
        } catch (IOException | RuntimeException notJson) {
            // The service answers malformed JSON with its own 400; the other limits still apply.
            return Optional.empty();
        }
    }

    private static ErrorResponseException tooMany(Duration wait) {
        ErrorResponseException problem = Problems.exception(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                "Too many requests; try again in " + Problems.retryAfter(wait) + " seconds.");
        problem.getHeaders().set("Retry-After", Problems.retryAfter(wait));
        return problem;
    }
}
