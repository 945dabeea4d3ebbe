package org.licensecentral.activation.keys;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Secret files of the keys directory: readable by this service's user only. */
final class KeyFiles {

    private KeyFiles() {}

    static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.writeString(file, content, UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions keeps its default.
        }
    }
}
