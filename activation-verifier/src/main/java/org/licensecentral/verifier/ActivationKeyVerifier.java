package org.licensecentral.verifier;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a License Central activation key without a network: a compact JWS (RFC 7515) signed with
 * Ed25519 ({@code alg} EdDSA, RFC 8037) by one of the keys of a JWKS (as served at
 * {@code GET /api/v1/software/keys}; ship it with the product), issued to this machine's
 * fingerprint. Keys are found by {@code kid}, so a JWKS with old and new keys verifies keys issued
 * before and after a rotation.
 */
public final class ActivationKeyVerifier {

    /** Why a key was not accepted. */
    public enum Reason { MALFORMED, UNSUPPORTED_ALGORITHM, UNKNOWN_KEY_ID, BAD_SIGNATURE, WRONG_FINGERPRINT }

    /** {@code claims} are given only for a valid key. */
    public record Result(boolean valid, Reason reason, Map<String, Object> claims) {

        static Result invalid(Reason reason) {
            return new Result(false, reason, Map.of());
        }
    }

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, PublicKey> keysById;

    private ActivationKeyVerifier(Map<String, PublicKey> keysById) {
        this.keysById = Map.copyOf(keysById);
    }

    /** From a JWKS document; keys other than Ed25519 OKP keys are ignored. */
    public static ActivationKeyVerifier fromJwks(String jwks) {
        try {
            Map<String, PublicKey> keys = new HashMap<>();
            for (JsonNode key : JSON.readTree(jwks).path("keys")) {
                if ("OKP".equals(key.path("kty").asText()) && "Ed25519".equals(key.path("crv").asText())) {
                    keys.put(key.path("kid").asText(), publicKey(Base64.getUrlDecoder().decode(key.path("x").asText())));
                }
            }
            return new ActivationKeyVerifier(keys);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JWKS with Ed25519 keys", e);
        }
    }

    public Result verify(String activationKey, String fingerprint) {
        String[] parts = activationKey.trim().split("\\.", -1);
        if (parts.length != 3) {
            return Result.invalid(Reason.MALFORMED);
        }
        JsonNode header;
        Map<String, Object> claims;
        byte[] signature;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), new TypeReference<>() { });
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IOException | IllegalArgumentException e) {
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
        if (!fingerprint.equals(claims.get("fingerprint"))) {
            return Result.invalid(Reason.WRONG_FINGERPRINT);
        }
        return new Result(true, null, claims);
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
