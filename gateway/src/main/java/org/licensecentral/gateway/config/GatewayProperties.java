package org.licensecentral.gateway.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own settings ({@code licensecentral.gateway.*}); the routes and their rate limits
 * are in {@code spring.cloud.gateway.server.webflux.routes}.
 *
 * @param identity       where identity-service is, and the gateway's client registration there
 * @param secureCookies  mark the session and CSRF cookies {@code Secure}: on wherever TLS ends in
 *                       front of the gateway, off for the plain-HTTP local stack
 * @param maxRequestBody the largest request body the gateway passes on; larger ones get 413
 * @param maxUriLength   the longest path and query it passes on; longer ones get 414
 * @param timeouts       how long a client may take to send a request ({@code EdgeServerConfig})
 * @param schedulerCheck how long the {@code boundedElastic} health check waits for its task to run
 *                       before the gateway reports DOWN
 */
@ConfigurationProperties("licensecentral.gateway")
public record GatewayProperties(
        Identity identity,
        boolean secureCookies,
        DataSize maxRequestBody,
        int maxUriLength,
        Timeouts timeouts,
        Duration schedulerCheck) {

    /**
     * Slow clients are cut off (issue 15, finding 10).
     *
     * @param headers a request's line and headers must arrive whole within this
     * @param body    its body must arrive whole within this
     * @param idle    no read, and no kept-alive connection, may pause for longer than this
     */
    public record Timeouts(Duration headers, Duration body, Duration idle) {}

    /**
     * @param issuer       the issuer as browsers reach it: the authorization endpoint, logout, and
     *                     the {@code iss} of its tokens
     * @param uri          how the gateway itself reaches identity-service (token and JWKS endpoints);
     *                     the same as the issuer except inside docker-compose
     * @param clientId     the gateway's registered client
     * @param clientSecret its secret, which has no default: the local stack generates one, and
     *                     anything else sets it in the environment
     */
    public record Identity(String issuer, String uri, String clientId, String clientSecret) {

        public Identity {
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("licensecentral.gateway.identity.client-secret is not set: set"
                        + " LICENSECENTRAL_GATEWAY_IDENTITY_CLIENT_SECRET to the gateway client's secret at identity-service"
                        + " (./run-local-stack.sh generates one under .local/secrets)");
            }
        }
    }
}
