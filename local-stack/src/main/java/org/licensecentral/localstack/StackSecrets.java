package org.licensecentral.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The local stack's OAuth client secrets: generated on the first start and kept in
 * {@code .local/secrets/}, readable by this user only, so no secret has a committed default
 * (issue 15, finding 1) and a restart keeps the same ones. The services get them in their
 * environment, never on the command line that {@code ps} shows.
 */
public final class StackSecrets {

    public static final String GATEWAY_CLIENT = "gateway-client-secret";
    public static final String INTERNAL_CLIENT = "internal-client-secret";

    private final Path directory;

    StackSecrets(Path dataDir) {
        this.directory = dataDir.resolve("secrets");
    }

    /** The secret of that name, created now if this is the first start. */
    public String get(String name) {
        Path file = directory.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(directory);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secret;
        } catch (IOException e) {
            throw new StackException("cannot read or create the secret " + file + ": " + e.getMessage());
        }
    }

    /** The environment variables of a service's secrets, by service. */
    Map<String, String> environmentOf(String service) {
        return switch (service) {
            case "identity-service" ->
                Map.of(
                        "LICENSECENTRAL_IDENTITY_GATEWAY_CLIENT_SECRET", get(GATEWAY_CLIENT),
                        "LICENSECENTRAL_IDENTITY_INTERNAL_CLIENT_SECRET", get(INTERNAL_CLIENT));
            case "gateway" -> Map.of("LICENSECENTRAL_GATEWAY_IDENTITY_CLIENT_SECRET", get(GATEWAY_CLIENT));
            default -> Map.of();
        };
    }
}
