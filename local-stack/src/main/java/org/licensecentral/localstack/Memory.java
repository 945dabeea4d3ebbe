package org.licensecentral.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Resident memory of a process, as Linux reports it; "?" elsewhere. */
final class Memory {

    private Memory() {}

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

    /**
     * The proportional set size in MB of a group of processes that share memory (PostgreSQL's
     * postmaster and backends share its buffers): each shared page counts once, split among its
     * users, where the sum of resident sizes would count it once per process.
     */
    static String proportionalMegabytes(List<Long> pids) {
        long kilobytes = 0;
        try {
            for (long pid : pids) {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        kilobytes += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "?";
        }
        return Long.toString(kilobytes / 1024);
    }
}
