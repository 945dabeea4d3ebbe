package org.licensecentral.activation.keys;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.licensecentral.verifier.ActivationKeyVerifier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs activation keys: compact JWS (RFC 7515) with {@code alg} EdDSA over Ed25519 (RFC 8037),
 * verifiable offline by an installed product with the public keys from {@code GET
 * /api/v1/software/keys} (a JWKS of OKP keys, found by {@code kid}).
 *
 * <p>Keys live in {@code licensecentral.activation.signing-keys-dir}, one {@code *.pem} file each
 * (private key as PKCS#8 and public key as X.509), created with owner-only permissions on first
 * start. The file whose name sorts last signs; every key is published, so activation keys issued
 * before a rotation stay valid. To rotate, add a newer file (see the README).
 *
 * <p>The JDK creates and reads the keys; Bouncy Castle signs. Ed25519 signatures are deterministic,
 * so both give the same bytes, but the JDK 17 provider took 13 to 15 times as long per signature
 * here (about 0.8 ms against 56 µs; {@code SigningCost}, docs/benchmarks.md).
 */
@Component
public class ActivationKeys {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it (RFC 8410). */
    private static final int X509_PREFIX_LENGTH = 12;

    private record Key(String id, Ed25519PrivateKeyParameters privateKey, byte[] rawPublicKey) {

        static Key of(KeyPair pair) {
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(encoded, X509_PREFIX_LENGTH, encoded.length);
            try {
                return new Key(
                        BASE64URL.encodeToString(Arrays.copyOf(sha256(raw), 12)),
                        (Ed25519PrivateKeyParameters)
                                PrivateKeyFactory.createKey(pair.getPrivate().getEncoded()),
                        raw);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use an Ed25519 private key", e);
            }
        }
    }

    private final List<Key> keys;
    private final Key signing;
    /** The JWS header, the same for every key this instance signs. */
    private final String header;

    private final ObjectMapper json;
    /** Reads the keys this service signed, with the same verifier the installed products use. */
    private final ActivationKeyVerifier ownKeys;

    public ActivationKeys(@Value("${licensecentral.activation.signing-keys-dir}") Path directory, ObjectMapper json) {
        this.json = json;
        this.keys = loadOrCreate(directory).stream().map(Key::of).toList();
        this.signing = keys.get(keys.size() - 1);
        try {
            this.header = BASE64URL.encodeToString(
                    json.writeValueAsBytes(Map.of("alg", "EdDSA", "typ", "JWT", "kid", signing.id())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the JWS header", e);
        }
        try {
            this.ownKeys = ActivationKeyVerifier.fromJwks(json.writeValueAsString(jwks()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the JWKS", e);
        }
    }

    /**
     * The claims of an activation key one of these keys signed, whatever its lease says: the seat
     * ledger decides what a presented key may still do.
     */
    public Optional<Map<String, Object>> claimsOf(String activationKey) {
        ActivationKeyVerifier.Result result = ownKeys.verifySignature(activationKey);
        return result.valid() ? Optional.of(result.claims()) : Optional.empty();
    }

    /** A compact JWS of the claims. */
    public String sign(Map<String, Object> claims) {
        try {
            String payload = BASE64URL.encodeToString(json.writeValueAsBytes(claims));
            String signingInput = header + "." + payload;
            byte[] input = signingInput.getBytes(US_ASCII);
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, signing.privateKey());
            signer.update(input, 0, input.length);
            return signingInput + "." + BASE64URL.encodeToString(signer.generateSignature());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot sign an activation key", e);
        }
    }

    /** The public keys as a JSON Web Key Set (RFC 7517, OKP key type of RFC 8037), newest last. */
    public Map<String, Object> jwks() {
        return Map.of(
                "keys",
                keys.stream()
                        .map(key -> {
                            Map<String, Object> jwk = new LinkedHashMap<>();
                            jwk.put("kty", "OKP");
                            jwk.put("crv", "Ed25519");
                            jwk.put("x", BASE64URL.encodeToString(key.rawPublicKey()));
                            jwk.put("kid", key.id());
                            jwk.put("alg", "EdDSA");
                            jwk.put("use", "sig");
                            return jwk;
                        })
                        .toList());
    }

    /** The key pairs of the directory, by file name; a first key is created in an empty one. */
    private static List<KeyPair> loadOrCreate(Path directory) {
        try {
            Files.createDirectories(directory);
            List<Path> files;
            try (Stream<Path> listing = Files.list(directory)) {
                files = listing.filter(file -> file.getFileName().toString().endsWith(".pem"))
                        .sorted()
                        .toList();
            }
            if (files.isEmpty()) {
                String name = "key-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now()) + ".pem";
                return List.of(create(directory.resolve(name)));
            }
            List<KeyPair> pairs = new ArrayList<>();
            for (Path file : files) {
                pairs.add(load(file));
            }
            return pairs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing keys in " + directory, e);
        }
    }

    /** A file holds the private key (PKCS#8) and the public key (X.509) as two PEM blocks. */
    private static KeyPair load(Path keyFile) throws IOException {
        try {
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            String pem = Files.readString(keyFile, UTF_8);
            return new KeyPair(
                    keys.generatePublic(new X509EncodedKeySpec(pemBlock(pem, "PUBLIC KEY"))),
                    keys.generatePrivate(new PKCS8EncodedKeySpec(pemBlock(pem, "PRIVATE KEY"))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot use the signing key " + keyFile, e);
        }
    }

    private static KeyPair create(Path keyFile) throws IOException {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            KeyFiles.writeOwnerOnly(
                    keyFile,
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                            + pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a signing key", e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] pemBlock(String pem, String label) {
        Matcher block = Pattern.compile("-----BEGIN " + label + "-----([^-]+)-----END " + label + "-----")
                .matcher(pem);
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
