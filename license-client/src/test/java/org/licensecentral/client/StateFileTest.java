package org.licensecentral.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    private static final String JWKS =
            "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k1\",\"x\":\"abc\"}]}";
    private static final State ACTIVATED = new State(
            "http://licenses.example.com",
            Product.BACKUP,
            "fp-1",
            "5.3.1",
            "act-1",
            "h.p.s",
            JWKS,
            Instant.parse("2026-03-01T12:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aWrittenStateIsReadBackAsItWas() {
        StateFile file = new StateFile(dir.resolve("backup.json"));

        file.write(ACTIVATED);

        assertThat(file.read()).contains(ACTIVATED);
    }

    @Test
    void aStateWithoutActivationIsReadBackAsNotActivated() {
        StateFile file = new StateFile(dir.resolve("backup.json"));

        file.write(ACTIVATED.withoutActivation(Instant.parse("2026-03-02T12:00:00Z")));

        assertThat(file.read()).hasValueSatisfying(state -> {
            assertThat(state.activated()).isFalse();
            assertThat(state.jwks()).isEqualTo(JWKS);
        });
    }

    @Test
    void withoutAFileThereIsNoState() {
        assertThat(new StateFile(dir.resolve("backup.json")).read()).isEmpty();
    }

    @Test
    void theFileIsReadableAndWritableByItsOwnerOnly() throws IOException {
        assumeTrue(posix());
        Path path = dir.resolve("backup.json");

        new StateFile(path).write(ACTIVATED);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                .isEqualTo("rw-------");
    }

    @Test
    void aDirectoryItCreatesIsItsOwnersOnly() throws IOException {
        assumeTrue(posix());
        Path created = dir.resolve(".licensecentral");

        new StateFile(created.resolve("backup.json")).write(ACTIVATED);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created)))
                .isEqualTo("rwx------");
    }

    @Test
    void aFileThatOthersCouldReadIsReplacedByAnOwnerOnlyOne() throws IOException {
        assumeTrue(posix());
        Path path = Files.writeString(dir.resolve("backup.json"), "{}");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));

        new StateFile(path).write(ACTIVATED);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                .isEqualTo("rw-------");
    }

    @Test
    void aWriteReplacesTheFileWholeAndLeavesNoTemporaryFile() throws IOException {
        StateFile file = new StateFile(dir.resolve("backup.json"));
        file.write(ACTIVATED);

        file.write(ACTIVATED.withoutActivation(Instant.parse("2026-03-02T12:00:00Z")));

        assertThat(file.read())
                .hasValueSatisfying(state -> assertThat(state.activated()).isFalse());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("backup.json");
        }
    }

    @Test
    void neitherALicenseKeyNorAnEmailAddressIsAField() throws IOException {
        Path path = dir.resolve("backup.json");

        new StateFile(path).write(ACTIVATED);

        assertThat(Files.readString(path)).doesNotContain("licenseKey").doesNotContain("email");
    }

    @Test
    void aDamagedFileSaysToRemoveIt() throws IOException {
        Path path = Files.writeString(dir.resolve("backup.json"), "{\"product\":");

        assertThatThrownBy(() -> new StateFile(path).read())
                .hasMessageContaining(path.toString())
                .hasMessageContaining("remove it and activate again");
    }

    @Test
    void theDefaultFileIsInTheHomeDirectoryUnderTheProductsName() {
        assertThat(StateFile.defaultFor(Product.DRIVE).path())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".licensecentral", "drive.json")
                        .toAbsolutePath());
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
