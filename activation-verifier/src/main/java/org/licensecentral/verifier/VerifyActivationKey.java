package org.licensecentral.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code java -jar activation-verifier-cli.jar [--issuer ISSUER] [--clock-skew SECONDS] <activation
 * key or file> <jwks file> <fingerprint> <product>}: prints {@code VALID until <lease end> <claims
 * as JSON>} (exit 0) or {@code INVALID <reason>} (exit 1); 2 for a usage error or an unreadable
 * JWKS.
 */
public final class VerifyActivationKey {

    static final String USAGE = "usage: java -jar activation-verifier-cli.jar [--issuer ISSUER] [--clock-skew SECONDS] "
            + "<activation key or file> <jwks file> <fingerprint> <product>";

    private VerifyActivationKey() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Instant.now()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Instant now) {
        String issuer = ActivationKeyVerifier.DEFAULT_ISSUER;
        Duration skew = ActivationKeyVerifier.DEFAULT_CLOCK_SKEW;
        List<String> positional = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--issuer") && i + 1 < args.length) {
                    issuer = args[++i];
                } else if (args[i].equals("--clock-skew") && i + 1 < args.length) {
                    skew = Duration.ofSeconds(seconds(args[++i]));
                } else {
                    positional.add(args[i]);
                }
            }
        } catch (NumberFormatException e) {
            err.println("--clock-skew takes whole seconds, at least 0");
            err.println(USAGE);
            return 2;
        }
        if (positional.size() != 4) {
            err.println(USAGE);
            return 2;
        }
        ActivationKeyVerifier verifier;
        try {
            verifier = ActivationKeyVerifier.fromJwks(Files.readString(Path.of(positional.get(1))))
                    .withClockSkew(skew);
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot read " + positional.get(1) + " as a JWKS: " + e.getMessage());
            return 2;
        }
        String activationKey;
        try {
            activationKey = readKey(positional.get(0));
        } catch (IOException e) {
            err.println("cannot read the activation key file " + positional.get(0) + ": " + e.getMessage());
            return 2;
        }
        ActivationKeyVerifier.Result result = verifier.verify(
                activationKey, new ActivationKeyVerifier.Expected(issuer, positional.get(3), positional.get(2)), now);
        if (result.valid()) {
            out.println("VALID until " + result.leaseEnds() + " " + json(result));
            return 0;
        }
        out.println("INVALID " + result.reason());
        return 1;
    }

    private static long seconds(String value) {
        long seconds = Long.parseLong(value);
        if (seconds < 0) {
            throw new NumberFormatException("negative: " + value);
        }
        return seconds;
    }

    /** The key itself, or a file holding it, as a product's user may have saved it from the portal. */
    private static String readKey(String keyOrFile) throws IOException {
        Path file = Path.of(keyOrFile);
        return Files.isRegularFile(file) ? Files.readString(file) : keyOrFile;
    }

    private static String json(ActivationKeyVerifier.Result result) {
        try {
            return new ObjectMapper().writeValueAsString(result.claims());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claims read from JSON are JSON again", e);
        }
    }
}
