package org.licensecentral.verifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar activation-verifier-cli.jar <activation key or file> <jwks file> <fingerprint>}:
 * prints VALID with the claims, or INVALID with the reason. Exit code 0 valid, 1 invalid, 2 usage.
 */
public final class VerifyActivationKey {

    private VerifyActivationKey() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java -jar activation-verifier-cli.jar <activation key or file> <jwks file> <fingerprint>");
            System.exit(2);
        }
        Path keyFile = Path.of(args[0]);
        String activationKey = Files.isRegularFile(keyFile) ? Files.readString(keyFile) : args[0];
        ActivationKeyVerifier.Result result = ActivationKeyVerifier.fromJwks(Files.readString(Path.of(args[1])))
                .verify(activationKey, args[2]);
        if (result.valid()) {
            System.out.println("VALID " + result.claims());
        } else {
            System.out.println("INVALID " + result.reason());
        }
        System.exit(result.valid() ? 0 : 1);
    }
}
