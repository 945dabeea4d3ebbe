package org.licensecentral.activation.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licensecentral.verifier.ActivationKeyVerifier;

class ActivationKeysTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void theFirstStartCreatesAKeyThatTheNextStartKeeps() throws Exception {
        String signed = new ActivationKeys(directory, json).sign(Map.of("fingerprint", "fp-1"));

        ActivationKeys restarted = new ActivationKeys(directory, json);

        assertThat(Files.list(directory))
                .singleElement()
                .satisfies(file -> assertThat(Files.readString(file))
                        .contains("BEGIN PRIVATE KEY")
                        .contains("BEGIN PUBLIC KEY"));
        assertThat(verifier(restarted).verifySignature(signed).valid()).isTrue();
    }

    @Test
    void afterARotationTheNewKeySignsAndKeysIssuedBeforeStillVerify() throws Exception {
        ActivationKeys before = new ActivationKeys(directory, json);
        String oldKey = before.sign(Map.of("fingerprint", "fp-1"));
        Path rotated = Files.createTempDirectory("rotated");
        new ActivationKeys(rotated, json);
        try (var files = Files.list(rotated)) {
            Path newer = files.findFirst().orElseThrow();
            Files.move(newer, directory.resolve("zz-" + newer.getFileName()));
        }

        ActivationKeys after = new ActivationKeys(directory, json);
        String newKey = after.sign(Map.of("fingerprint", "fp-1"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> published =
                (List<Map<String, Object>>) after.jwks().get("keys");
        assertThat(published).hasSize(2);
        assertThat(kid(newKey)).isEqualTo(published.get(1).get("kid")).isNotEqualTo(kid(oldKey));
        assertThat(verifier(after).verifySignature(oldKey).valid()).isTrue();
        assertThat(verifier(after).verifySignature(newKey).valid()).isTrue();
        assertThat(verifier(before).verifySignature(newKey).reason())
                .isEqualTo(ActivationKeyVerifier.Reason.UNKNOWN_KEY_ID);
    }

    @Test
    void theSignatureIsTheOneTheJdkGivesForTheSameKeyAndInput() throws Exception {
        String signed = new ActivationKeys(directory, json).sign(Map.of("fingerprint", "fp-1", "seats", 3));
        String pem;
        try (var files = Files.list(directory)) {
            pem = Files.readString(files.findFirst().orElseThrow());
        }
        String privateKey = pem.substring(
                pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(privateKey))));
        String signingInput = signed.substring(0, signed.lastIndexOf('.'));
        jdk.update(signingInput.getBytes(StandardCharsets.US_ASCII));

        assertThat(signed.substring(signed.lastIndexOf('.') + 1))
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(jdk.sign()));
    }

    private ActivationKeyVerifier verifier(ActivationKeys keys) throws Exception {
        return ActivationKeyVerifier.fromJwks(json.writeValueAsString(keys.jwks()));
    }

    private String kid(String jws) throws Exception {
        return json.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[0]))
                .get("kid")
                .asText();
    }
}
