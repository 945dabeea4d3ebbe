package org.licensecentral.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Stands in for identity-service's token endpoint in service tests: a real RSA key, a real JWKS
 * served over HTTP (services fetch it exactly as they fetch identity-service's), and signed JWTs
 * with the claims identity-service issues ({@code iss}, {@code aud}, {@code sub} = account id,
 * {@code email}, {@code email_verified}, {@code scope}). The services' JWT validation runs
 * unchanged; {@link RealInfrastructure} points their issuer check at {@link #ISSUER}.
 */
public final class TestJwtIssuer {

    public static final String ISSUER = "http://test-issuer";
    /** The audiences of the platform defaults (licensecentral-platform.yml). */
    public static final String PORTAL_AUDIENCE = "licensecentral-portal";

    public static final String INTERNAL_AUDIENCE = "licensecentral-internal";

    private static TestJwtIssuer instance;

    private final NimbusJwtEncoder encoder;
    private final String jwkSetUri;

    private TestJwtIssuer() {
        RSAKey key = rsaKey();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            this.jwkSetUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized TestJwtIssuer get() {
        if (instance == null) {
            instance = new TestJwtIssuer();
        }
        return instance;
    }

    public String jwkSetUri() {
        return jwkSetUri;
    }

    /** An account's access token, valid for an hour. */
    public String accountToken(String accountId, String email, boolean emailVerified) {
        return token(ISSUER, PORTAL_AUDIENCE, accountId, email, emailVerified, List.of(), inAnHour());
    }

    /** The internal client's token (client credentials, scope {@code internal}). */
    public String internalToken() {
        return token(ISSUER, INTERNAL_AUDIENCE, "internal", null, false, List.of("internal"), inAnHour());
    }

    /** A token whose lifetime ended a minute ago. */
    public String expiredToken(String accountId, String email) {
        return token(
                ISSUER,
                PORTAL_AUDIENCE,
                accountId,
                email,
                true,
                List.of(),
                Instant.now().minus(Duration.ofMinutes(1)));
    }

    /** An account's token, signed with the right key, but from another issuer or for another audience. */
    public String foreignToken(String issuer, String audience, String accountId, String email) {
        return token(issuer, audience, accountId, email, true, List.of(), inAnHour());
    }

    /** A token of the internal scope for the portal's audience, which identity-service never issues. */
    public String internalScopeForPortal() {
        return token(ISSUER, PORTAL_AUDIENCE, "internal", null, false, List.of("internal"), inAnHour());
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    private String token(
            String issuer,
            String audience,
            String subject,
            String email,
            boolean emailVerified,
            List<String> scopes,
            Instant expiresAt) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(expiresAt.minus(Duration.ofHours(1)))
                .expiresAt(expiresAt);
        if (email != null) {
            claims.claim("email", email).claim("email_verified", emailVerified);
        }
        if (!scopes.isEmpty()) {
            claims.claim("scope", String.join(" ", scopes));
        }
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
                .getTokenValue();
    }

    private static RSAKey rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
