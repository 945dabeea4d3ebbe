package org.licensecentral.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, as Linux reports it; "?" elsewhere. */
final class Memory {

    private Memory() {
    }

    static String residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kilobytes = Long.parseLong(line.replaceAll("\\D", ""));
                    return Long.toString(kilobytes / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process is gone: the summary says "?" instead of failing.
        }
        return "?";
    }
}
