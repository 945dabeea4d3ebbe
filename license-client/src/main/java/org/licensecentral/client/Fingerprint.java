package org.licensecentral.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * This machine's fingerprint, the identity its activation key is issued to: lower-case hex of
 * SHA-256 over the UTF-8 text
 *
 * <pre>
 * license-central fingerprint v1
 * machine-id=&lt;the machine id, trimmed&gt;
 * os.arch=&lt;the JVM's os.arch&gt;
 * cpu.model=&lt;the first "model name" of /proc/cpuinfo, or empty&gt;
 * cpu.count=&lt;the "processor" entries of /proc/cpuinfo, or the JVM's available processors&gt;
 * </pre>
 *
 * (each line ending in {@code \n}). The machine id is hashed so the server never learns it, and it
 * is combined with hardware facts so a disk image cloned to other hardware gets another
 * fingerprint. The facts are ones that do not change between runs or with how the product is
 * started: the processors are counted in /proc/cpuinfo, not by the JVM, where that file exists,
 * because the JVM counts only what a container or CPU affinity allows. The first line names the
 * recipe, so a changed recipe can never collide with this one.
 */
public final class Fingerprint {

    private Fingerprint() {}

    /**
     * With this machine's id: the first of /etc/machine-id and /var/lib/dbus/machine-id that
     * exists, else Windows' {@code MachineGuid} (from {@code reg query}) or macOS's
     * {@code IOPlatformUUID} (from {@code ioreg}).
     */
    public static String ofThisMachine() {
        return compute(MachineId.read());
    }

    /** With the machine id in a file: for tests, and for several "machines" on one host. */
    public static String of(Path machineIdFile) {
        return compute(MachineId.read(machineIdFile));
    }

    private static String compute(String machineId) {
        List<String> cpuinfo = cpuinfo();
        String text = "license-central fingerprint v1\n"
                + "machine-id=" + machineId + "\n"
                + "os.arch=" + System.getProperty("os.arch") + "\n"
                + "cpu.model=" + cpuModel(cpuinfo) + "\n"
                + "cpu.count=" + cpuCount(cpuinfo) + "\n";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Empty where there is no /proc/cpuinfo (Windows, macOS). */
    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String cpuModel(List<String> cpuinfo) {
        return cpuinfo.stream()
                .filter(line -> key(line).equals("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("");
    }

    private static long cpuCount(List<String> cpuinfo) {
        long processors =
                cpuinfo.stream().filter(line -> key(line).equals("processor")).count();
        return processors > 0 ? processors : Runtime.getRuntime().availableProcessors();
    }

    private static String key(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(0, colon).trim();
    }
}
