package org.licensecentral.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operating system's own id of this installation, which survives reboots, updates and a
 * changed network: systemd's /etc/machine-id (D-Bus's older copy where that is missing), Windows'
 * {@code MachineGuid}, macOS's {@code IOPlatformUUID}.
 */
final class MachineId {

    /** In the order systemd's machine-id(5) gives them. */
    static final List<Path> FILES = List.of(Path.of("/etc/machine-id"), Path.of("/var/lib/dbus/machine-id"));

    private static final Pattern WINDOWS_GUID = Pattern.compile("MachineGuid\\s+REG_SZ\\s+(\\S+)");
    private static final Pattern MAC_UUID = Pattern.compile("\"IOPlatformUUID\"\\s*=\\s*\"([^\"]+)\"");
    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private MachineId() {}

    /** The first of {@link #FILES} that exists, else the registry on Windows or ioreg on macOS. */
    static String read() {
        for (Path file : FILES) {
            if (Files.isRegularFile(file)) {
                return read(file);
            }
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        Optional<String> id = Optional.empty();
        if (os.startsWith("windows")) {
            id = command(WINDOWS_GUID, "reg", "query", "HKLM\\SOFTWARE\\Microsoft\\Cryptography", "/v", "MachineGuid");
        } else if (os.startsWith("mac")) {
            id = command(MAC_UUID, "ioreg", "-rd1", "-c", "IOPlatformExpertDevice");
        }
        return id.orElseThrow(() -> new NoMachineIdException("found no machine id: none of " + FILES
                + " exists, and neither the Windows registry's MachineGuid nor macOS's IOPlatformUUID could be read"));
    }

    static String read(Path file) {
        String id;
        try {
            id = Files.readString(file, UTF_8).trim();
        } catch (IOException e) {
            throw new NoMachineIdException("cannot read the machine id file " + file + " (" + e + ")", e);
        }
        if (id.isEmpty()) {
            throw new NoMachineIdException("the machine id file " + file + " is empty");
        }
        return id;
    }

    private static Optional<String> command(Pattern answer, String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            // Waits before reading: both commands print a few kilobytes, well within a pipe's buffer.
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            Matcher matcher = answer.matcher(output);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
