package org.licensecentral.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.licensecentral.localstack.LocalStack;
import org.licensecentral.localstack.StackConfig;

/**
 * The whole system, started once per test run exactly as {@code ./run-local-stack.sh} starts it
 * (the launcher of the local-stack module, each service as its own JVM from its packaged jar), on
 * the design's ports, with an empty data directory under {@code target/stack} and the demo data
 * seeded. Tests reach it through the gateway only; the service logs are in {@code target/stack/logs}.
 */
final class SystemStack {

    private static LocalStack stack;

    private SystemStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            StackConfig config = StackConfig.fromSystemProperties();
            deleteRecursively(config.dataDir());
            LocalStack started = LocalStack.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "system-stack-stop"));
            started.seedDemoData();
            stack = started;
        }
        return stack;
    }

    /** The gateway as a browser reaches it: by the name the login redirect is registered for. */
    static String gateway() {
        return "http://localhost:" + get().config().port("gateway");
    }

    static String identity() {
        return "http://localhost:" + get().config().port("identity-service");
    }

    static int imapPort() {
        return get().config().port("imap");
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
