package org.licensecentral.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a reliability run counted or a benchmark measured: printed with a RELIABILITY or BENCHMARK
 * prefix, and appended to a file under {@code target/}, from where the figures go into
 * {@code docs/reliability.md} and {@code docs/benchmarks.md}.
 */
final class Figures {

    private Figures() {}

    /** One line per fault run, to {@code target/reliability-figures.txt}. */
    static void reliability(String fault, Map<String, ?> counted) {
        record(
                "RELIABILITY",
                Path.of("target", "reliability-figures.txt"),
                List.of(Instant.now() + " " + fault + ": "
                        + counted.entrySet().stream()
                                .map(entry -> entry.getKey() + "=" + entry.getValue())
                                .collect(Collectors.joining(", "))));
    }

    /** One line per figure, to the file the pom names (Gatling's JVM does not run in the module). */
    static void benchmark(Map<String, ?> figures) {
        record(
                "BENCHMARK",
                Path.of(System.getProperty("benchmark.figures", "target/benchmark-figures.txt")),
                figures.entrySet().stream()
                        .map(entry -> entry.getKey() + ": " + entry.getValue())
                        .toList());
    }

    private static void record(String prefix, Path file, List<String> lines) {
        lines.forEach(line -> System.out.println(prefix + " " + line));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
