package org.licensecentral.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@link State} as one JSON file, readable and writable by its owner only: the activation key
 * in it is this machine's seat. A write goes to a temporary file in the same directory that is
 * then moved over the old one, so a crash or a full disk leaves the old state or the new, never
 * half of one. Where the file system has no POSIX permissions (Windows), the user profile's own
 * access rules apply.
 */
public final class StateFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;

    public StateFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** {@code ~/.licensecentral/<product in lower case>.json}. */
    public static StateFile defaultFor(Product product) {
        return new StateFile(Path.of(
                System.getProperty("user.home"),
                ".licensecentral",
                product.name().toLowerCase(Locale.ROOT) + ".json"));
    }

    public Path path() {
        return file;
    }

    /** Empty where there is no file yet. */
    public Optional<State> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            String updatedAt = text(json, "updatedAt");
            return Optional.of(new State(
                    text(json, "server"),
                    Product.valueOf(json.path("product").asText()),
                    text(json, "fingerprint"),
                    text(json, "productVersion"),
                    text(json, "activationId"),
                    text(json, "activationKey"),
                    json.hasNonNull("jwks") ? json.get("jwks").toString() : null,
                    updatedAt == null ? null : Instant.parse(updatedAt)));
        } catch (IOException e) {
            throw new UncheckedIOException(unreadable(e), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(unreadable(e), e);
        }
    }

    public void write(State state) {
        ObjectNode json = JSON.createObjectNode();
        put(json, "server", state.server());
        put(json, "product", state.product().name());
        put(json, "fingerprint", state.fingerprint());
        put(json, "productVersion", state.productVersion());
        put(json, "activationId", state.activationId());
        put(json, "activationKey", state.activationKey());
        Path directory = file.getParent();
        Path temporary = null;
        try {
            if (state.jwks() != null) {
                json.set("jwks", JSON.readTree(state.jwks()));
            }
            put(
                    json,
                    "updatedAt",
                    state.updatedAt() == null ? null : state.updatedAt().toString());
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, ownerOnly("rwx------"));
            }
            temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", ownerOnly("rw-------"));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(json)));
                // On disk before the move: otherwise a crash may leave the new name on empty content.
                channel.force(true);
            }
            move(temporary, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private String unreadable(Exception e) {
        return "the state file " + file + " cannot be read as the client's state (" + e.getMessage()
                + "); remove it and activate again";
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        if (!POSIX) {
            return new FileAttribute<?>[0];
        }
        FileAttribute<?> posix = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
        return new FileAttribute<?>[] {posix};
    }

    /** After a successful move there is nothing left to delete; after a failure the old state stays. */
    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // A stray temporary file holds no more than the state file would; the next write makes another.
        }
    }

    private static void put(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }
}
