package org.licensecentral.gateway.config;

import java.net.InetSocketAddress;

import reactor.netty.NettyPipeline;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * What the gateway does as the server that faces clients (issue 15, findings 3 and 10).
 */
@Configuration(proxyBeanMethods = false)
class EdgeServerConfig {

    /**
     * Drops every forwarded header a client sent ({@code Forwarded}, {@code X-Forwarded-*}) before
     * anything reads the request, so nothing here or behind believes an address a client invented
     * (issue 15, finding 3). Behind a trusted proxy the strategy is "native" and this steps back.
     */
    @Bean
    @ConditionalOnProperty(name = "server.forward-headers-strategy", havingValue = "none")
    ForwardedHeaderTransformer forwardedHeaderTransformer() {
        ForwardedHeaderTransformer transformer = new ForwardedHeaderTransformer();
        transformer.setRemoveOnly(true);
        return transformer;
    }

    /**
     * Tells the services who the client is: {@code X-Forwarded-For} is the request's remote address
     * alone (the connection's peer at the edge), which their failed-attempt limits count by.
     * Spring Cloud Gateway's own X-Forwarded filter acts only for configured trusted proxies, and
     * the gateway is the first hop, so it sets the header itself.
     */
    @Bean
    HttpHeadersFilter clientAddressHeader() {
        return (headers, exchange) -> {
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            HttpHeaders forwarded = new HttpHeaders();
            forwarded.addAll(headers);
            forwarded.remove("Forwarded");
            forwarded.remove(X_FORWARDED_FOR);
            if (remote != null && remote.getAddress() != null) {
                forwarded.set(X_FORWARDED_FOR, remote.getAddress().getHostAddress());
            }
            return forwarded;
        };
    }

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    /**
     * Read timeouts: a kept-alive connection that sends nothing for {@code idle} is closed; a
     * request's line and headers must all arrive within {@code headers} ({@link RequestHeadersTimeout});
     * its body must not pause for longer than {@code idle} and must arrive whole within
     * {@code body} (reactor-netty's read and request timeouts).
     */
    @Bean
    NettyServerCustomizer readTimeouts(GatewayProperties properties) {
        GatewayProperties.Timeouts timeouts = properties.timeouts();
        return server -> server.idleTimeout(timeouts.idle())
                .readTimeout(timeouts.idle())
                .requestTimeout(timeouts.body())
                // At channel set-up, after reactor-netty's HTTP/1.1 codec, before the first byte is read.
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline()
                                .addAfter(
                                        NettyPipeline.HttpCodec,
                                        "licensecentral.headersTimeout",
                                        new RequestHeadersTimeout(timeouts.headers()));
                    }
                });
    }
}
