package org.licensecentral.activation.keys;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs activation keys: compact JWS (RFC 7515) with {@code alg} EdDSA over Ed25519 (RFC 8037),
 * verifiable offline by an installed product with the public key from {@code GET
 * /api/v1/software/keys} (a JWKS with one OKP key). The private key is kept as PKCS#8 in
 * {@code licensecentral.activation.signing-key-file} (with its public key), created with owner-only
 * permissions on first start, so keys issued before a restart stay valid.
 */
@Component
public class ActivationKeys {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it (RFC 8410). */
    private static final int X509_PREFIX_LENGTH = 12;

    private final PrivateKey privateKey;
    private final byte[] rawPublicKey;
    private final String keyId;
    private final ObjectMapper json;

    public ActivationKeys(@Value("${licensecentral.activation.signing-key-file}") Path keyFile, ObjectMapper json) {
        this.json = json;
        KeyPair pair = loadOrCreate(keyFile);
        this.privateKey = pair.getPrivate();
        byte[] encoded = pair.getPublic().getEncoded();
        this.rawPublicKey = Arrays.copyOfRange(encoded, X509_PREFIX_LENGTH, encoded.length);
        this.keyId = BASE64URL.encodeToString(Arrays.copyOf(sha256(rawPublicKey), 12));
    }

    /** A compact JWS of the claims. */
    public String sign(Map<String, Object> claims) {
        try {
            String header = BASE64URL.encodeToString(json.writeValueAsBytes(
                    Map.of("alg", "EdDSA", "typ", "JWT", "kid", keyId)));
            String payload = BASE64URL.encodeToString(json.writeValueAsBytes(claims));
            String signingInput = header + "." + payload;
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an activation key", e);
        }
    }

    /** The public key as a JSON Web Key Set (RFC 7517, OKP key type of RFC 8037). */
    public Map<String, Object> jwks() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kty", "OKP");
        key.put("crv", "Ed25519");
        key.put("x", BASE64URL.encodeToString(rawPublicKey));
        key.put("kid", keyId);
        key.put("alg", "EdDSA");
        key.put("use", "sig");
        return Map.of("keys", List.of(key));
    }

    /** The file holds the private key (PKCS#8) and the public key (X.509) as two PEM blocks. */
    private static KeyPair loadOrCreate(Path keyFile) {
        try {
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            if (Files.exists(keyFile)) {
                String pem = Files.readString(keyFile, UTF_8);
                return new KeyPair(keys.generatePublic(new X509EncodedKeySpec(pemBlock(pem, "PUBLIC KEY"))),
                        keys.generatePrivate(new PKCS8EncodedKeySpec(pemBlock(pem, "PRIVATE KEY"))));
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            if (keyFile.getParent() != null) {
                Files.createDirectories(keyFile.getParent());
            }
            Files.writeString(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + pem("PUBLIC KEY", pair.getPublic().getEncoded()), UTF_8);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // A file system without POSIX permissions keeps its default.
            }
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key " + keyFile, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot use the signing key " + keyFile, e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] pemBlock(String pem, String label) {
        Matcher block = Pattern.compile("-----BEGIN " + label + "-----([^-]+)-----END " + label + "-----").matcher(pem);
        if (!block.find()) {
            throw new IllegalArgumentException("no " + label + " block");
        }
        return Base64.getMimeDecoder().decode(block.group(1));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
