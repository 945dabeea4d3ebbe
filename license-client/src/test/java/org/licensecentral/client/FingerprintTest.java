package org.licensecentral.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    private static final String MACHINE_ID = "4c4c4544004a4b10804bb7c04f4a3332";

    @TempDir
    Path dir;

    @Test
    void theSameMachineIdGivesTheSameFingerprint() throws IOException {
        assertThat(Fingerprint.of(machineId("a", MACHINE_ID))).isEqualTo(Fingerprint.of(machineId("b", MACHINE_ID)));
    }

    @Test
    void anotherMachineIdGivesAnotherFingerprint() throws IOException {
        assertThat(Fingerprint.of(machineId("a", MACHINE_ID)))
                .isNotEqualTo(Fingerprint.of(machineId("b", "9f86d081884c7d659a2feaa0c55ad015")));
    }

    @Test
    void theFingerprintIsSha256HexWithoutTheMachineIdInIt() throws IOException {
        assertThat(Fingerprint.of(machineId("a", MACHINE_ID)))
                .matches("[0-9a-f]{64}")
                .doesNotContain(MACHINE_ID);
    }

    @Test
    void theNewlineAfterAMachineIdDoesNotCount() throws IOException {
        assertThat(Fingerprint.of(machineId("a", MACHINE_ID + "\n")))
                .isEqualTo(Fingerprint.of(machineId("b", MACHINE_ID)));
    }

    @Test
    void anEmptyMachineIdFileIsRefused() throws IOException {
        Path empty = machineId("a", "\n");

        assertThatThrownBy(() -> Fingerprint.of(empty))
                .isInstanceOf(NoMachineIdException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aMissingMachineIdFileIsRefused() {
        assertThatThrownBy(() -> Fingerprint.of(dir.resolve("none"))).isInstanceOf(NoMachineIdException.class);
    }

    private Path machineId(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
