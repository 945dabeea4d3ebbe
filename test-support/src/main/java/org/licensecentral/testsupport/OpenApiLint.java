package org.licensecentral.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spectral, from the npm registry (the repository's {@code package.json}), run on a service's
 * OpenAPI document with the repository's {@code .spectral.yaml} ({@code spectral:oas}). The build
 * installs it: the root module runs {@code npm install}, {@code .ci/run} runs {@code npm ci}.
 * Paths are from a module's directory, where Maven runs its tests.
 */
public final class OpenApiLint {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SPECTRAL = ROOT.resolve(Path.of("node_modules", ".bin", "spectral"));

    private OpenApiLint() {}

    /** What Spectral reports on {@code document}, kept in {@code target/openapi/<name>.json}. */
    public static Result lint(String name, String document) {
        if (!Files.isExecutable(SPECTRAL)) {
            throw new IllegalStateException(
                    SPECTRAL + " is missing: run `npm ci` in " + ROOT + " (a build from the root does it)");
        }
        try {
            Path file = Files.createDirectories(Path.of("target", "openapi")).resolve(name + ".json");
            Files.writeString(file, document);
            Process spectral = new ProcessBuilder(List.of(
                            SPECTRAL.toString(),
                            "lint",
                            "--ruleset",
                            ROOT.resolve(".spectral.yaml").toString(),
                            "--fail-severity",
                            "warn",
                            "--format",
                            "text",
                            file.toString()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(spectral.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!spectral.waitFor(2, TimeUnit.MINUTES)) {
                spectral.destroyForcibly();
                throw new IllegalStateException("Spectral did not finish: " + output);
            }
            return new Result(spectral.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Spectral's exit code (0: no warning and no error) and its report. */
    public record Result(int exitCode, String report) {}
}
