package org.licensecentral.activation.keys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Random;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * The measurement behind {@link ActivationKeys} signing with Bouncy Castle: the JDK's Ed25519 and
 * Bouncy Castle's, side by side in one JVM, over an input the size of an activation key's. Not a
 * test; run it from the repository root with
 * {@code java -cp ~/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.80/bcprov-jdk18on-1.80.jar
 * activation-service/src/test/java/org/licensecentral/activation/keys/SigningCost.java}.
 * It prints five rounds; the last ones, after the JIT, are the ones to quote (docs/benchmarks.md).
 */
public final class SigningCost {

    private static final int SIGNATURES = 2_000;

    public static void main(String[] args) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Ed25519PrivateKeyParameters bouncyCastleKey = (Ed25519PrivateKeyParameters)
                PrivateKeyFactory.createKey(pair.getPrivate().getEncoded());
        byte[] input = new byte[400];
        new Random(1).nextBytes(input);
        for (int round = 1; round <= 5; round++) {
            byte[] jdkSignature = null;
            long start = System.nanoTime();
            for (int i = 0; i < SIGNATURES; i++) {
                Signature jdk = Signature.getInstance("Ed25519");
                jdk.initSign(pair.getPrivate());
                jdk.update(input);
                jdkSignature = jdk.sign();
            }
            long jdkNanos = System.nanoTime() - start;
            byte[] bouncyCastleSignature = null;
            start = System.nanoTime();
            for (int i = 0; i < SIGNATURES; i++) {
                Ed25519Signer signer = new Ed25519Signer();
                signer.init(true, bouncyCastleKey);
                signer.update(input, 0, input.length);
                bouncyCastleSignature = signer.generateSignature();
            }
            long bouncyCastleNanos = System.nanoTime() - start;
            System.out.printf(
                    "round %d: JDK %.0f µs, Bouncy Castle %.0f µs per signature, ratio %.1f, same bytes: %s%n",
                    round,
                    jdkNanos / 1e3 / SIGNATURES,
                    bouncyCastleNanos / 1e3 / SIGNATURES,
                    (double) jdkNanos / bouncyCastleNanos,
                    Arrays.equals(jdkSignature, bouncyCastleSignature));
        }
    }

    private SigningCost() {}
}
