package org.licensecentral.verifier;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a License Central activation key without a network. The key is a lease: a compact JWS
 * (RFC 7515) signed with Ed25519 ({@code alg} EdDSA, RFC 8037) by one of the keys of a JWKS (as
 * served at {@code GET /api/v1/software/keys}; ship it with the product), issued by License Central
 * for one product and one machine's fingerprint, valid from {@code nbf} until {@code exp}. Keys are
 * found by {@code kid}, so a JWKS with old and new keys verifies keys issued before and after a
 * rotation.
 */
public final class ActivationKeyVerifier {

    /** The {@code iss} of every activation key unless the server is configured otherwise. */
    public static final String DEFAULT_ISSUER = "license-central";

    /**
     * How far this machine's clock may be off the server's. A lease signed a moment ago must not be
     * "not yet valid" on a machine whose clock is a little behind.
     */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

    /** Why a key was not accepted, in the order the checks run. */
    public enum Reason {
        MALFORMED,
        UNSUPPORTED_ALGORITHM,
        UNKNOWN_KEY_ID,
        BAD_SIGNATURE,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        NOT_YET_VALID,
        EXPIRED,
        WRONG_FINGERPRINT
    }

    /** What this installation expects of its key: who issued it, for which product and machine. */
    public record Expected(String issuer, String product, String fingerprint) {

        public Expected {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        /** Issued by {@link #DEFAULT_ISSUER}. */
        public static Expected of(String product, String fingerprint) {
            return new Expected(DEFAULT_ISSUER, product, fingerprint);
        }
    }

    /**
     * {@code claims} are given only for a valid key. {@code leaseEnds} ({@code exp}) is given
     * whenever the signature held and the key names its end, valid or not, so that a product can
     * tell when an expired lease ended or how long a key for another machine would have run.
     */
    public record Result(boolean valid, Reason reason, Map<String, Object> claims, Instant leaseEnds) {

        static Result invalid(Reason reason) {
            return new Result(false, reason, Map.of(), null);
        }

        static Result invalid(Reason reason, Instant leaseEnds) {
            return new Result(false, reason, Map.of(), leaseEnds);
        }
    }

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows. */
    private static final byte[] ED25519_SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, PublicKey> keysById;
    private final Duration clockSkew;

    private ActivationKeyVerifier(Map<String, PublicKey> keysById, Duration clockSkew) {
        this.keysById = Map.copyOf(keysById);
        this.clockSkew = clockSkew;
    }

    /** From a JWKS document, with {@link #DEFAULT_CLOCK_SKEW}; keys other than Ed25519 OKP keys are ignored. */
    public static ActivationKeyVerifier fromJwks(String jwks) {
        try {
            Map<String, PublicKey> keys = new HashMap<>();
            for (JsonNode key : JSON.readTree(jwks).path("keys")) {
                if ("OKP".equals(key.path("kty").asText())
                        && "Ed25519".equals(key.path("crv").asText())) {
                    keys.put(
                            key.path("kid").asText(),
                            publicKey(
                                    Base64.getUrlDecoder().decode(key.path("x").asText())));
                }
            }
            return new ActivationKeyVerifier(keys, DEFAULT_CLOCK_SKEW);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JWKS with Ed25519 keys", e);
        }
    }

    /** The same keys, allowing this much difference between this machine's clock and the server's. */
    public ActivationKeyVerifier withClockSkew(Duration skew) {
        if (skew.isNegative()) {
            throw new IllegalArgumentException("a clock skew is not negative: " + skew);
        }
        return new ActivationKeyVerifier(keysById, skew);
    }

    /**
     * Every check of an installed product, in the order of {@link Reason}; the first that fails is
     * reported. A key without numeric {@code nbf} and {@code exp} is {@code MALFORMED}: it is not a
     * lease.
     */
    public Result verify(String activationKey, Expected expected, Instant now) {
        Result signed = verifySignature(activationKey);
        if (!signed.valid()) {
            return signed;
        }
        Map<String, Object> claims = signed.claims();
        Instant notBefore = instant(claims.get("nbf"));
        Instant leaseEnds = signed.leaseEnds();
        if (notBefore == null || leaseEnds == null) {
            return Result.invalid(Reason.MALFORMED);
        }
        if (!expected.issuer().equals(claims.get("iss"))) {
            return Result.invalid(Reason.WRONG_ISSUER, leaseEnds);
        }
        if (!audienceNames(claims.get("aud"), expected.product())) {
            return Result.invalid(Reason.WRONG_AUDIENCE, leaseEnds);
        }
        if (notBefore.minus(clockSkew).isAfter(now)) {
            return Result.invalid(Reason.NOT_YET_VALID, leaseEnds);
        }
        if (!now.isBefore(leaseEnds.plus(clockSkew))) {
            return Result.invalid(Reason.EXPIRED, leaseEnds);
        }
        if (!expected.fingerprint().equals(claims.get("fingerprint"))) {
            return Result.invalid(Reason.WRONG_FINGERPRINT, leaseEnds);
        }
        return signed;
    }

    /**
     * Only the form, {@code alg}, {@code kid} and signature: whether License Central signed this
     * key, and what it says. For the server reading a key presented to it, which decides about the
     * lease and the seat from its own records, not from the key's times.
     */
    public Result verifySignature(String activationKey) {
        String[] parts = activationKey.trim().split("\\.", -1);
        if (parts.length != 3) {
            return Result.invalid(Reason.MALFORMED);
        }
        JsonNode header;
        Map<String, Object> claims;
        byte[] signature;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), new TypeReference<>() {});
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IOException | IllegalArgumentException e) {
            return Result.invalid(Reason.MALFORMED);
        }
        if (header == null || claims == null) {
            return Result.invalid(Reason.MALFORMED);
        }
        if (!"EdDSA".equals(header.path("alg").asText())) {
            return Result.invalid(Reason.UNSUPPORTED_ALGORITHM);
        }
        PublicKey key = keysById.get(header.path("kid").asText());
        if (key == null) {
            return Result.invalid(Reason.UNKNOWN_KEY_ID);
        }
        if (!signatureHolds(key, (parts[0] + "." + parts[1]).getBytes(US_ASCII), signature)) {
            return Result.invalid(Reason.BAD_SIGNATURE);
        }
        return new Result(true, null, Collections.unmodifiableMap(claims), instant(claims.get("exp")));
    }

    /** RFC 7519 allows {@code aud} to be one string or a list of them. */
    private static boolean audienceNames(Object audience, String product) {
        if (audience instanceof List<?> audiences) {
            return audiences.contains(product);
        }
        return product.equals(audience);
    }

    /** A NumericDate (RFC 7519): seconds since the epoch. */
    private static Instant instant(Object numericDate) {
        return numericDate instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
    }

    private static boolean signatureHolds(PublicKey key, byte[] signedBytes, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signedBytes);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        if (raw.length != 32) {
            throw new GeneralSecurityException("an Ed25519 public key has 32 bytes");
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }
}
