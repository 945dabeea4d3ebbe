package org.licensecentral.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.licensecentral.localstack.LocalStack;
import org.licensecentral.localstack.StackConfig;

/**
 * The whole system, started once per test run exactly as {@code ./run-local-stack.sh} starts it
 * (the launcher of the local-stack module, each service as its own JVM from its packaged jar), on
 * the design's ports, with an empty data directory under {@code target/stack} and the demo data
 * seeded. Tests reach it through the gateway only; the service logs are in {@code target/stack/logs}.
 *
 * <p>With {@code -Dsystemtests.running-stack=true} the tests use a local stack that is already
 * running instead, which makes writing a test quicker; the tests then change its data.
 */
final class SystemStack {

    private static StackConfig config;
    private static LocalStack stack;
    private static Duration startTime;

    private SystemStack() {}

    static synchronized StackConfig get() {
        if (config == null) {
            StackConfig wanted = StackConfig.fromSystemProperties();
            if (!Boolean.getBoolean("systemtests.running-stack")) {
                deleteRecursively(wanted.dataDir());
                long begin = System.nanoTime();
                LocalStack started = LocalStack.start(wanted);
                startTime = Duration.ofNanos(System.nanoTime() - begin);
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "system-stack-stop"));
                started.seedDemoData();
                stack = started;
            }
            config = wanted;
        }
        return config;
    }

    /** The launcher itself, to kill and restart parts of the stack; only for a stack these tests started. */
    static LocalStack control() {
        get();
        Assumptions.assumeTrue(stack != null, "fault tests need a stack of their own, not -Dsystemtests.running-stack");
        return stack;
    }

    /** From an empty data directory to every service ready, for a stack these tests started. */
    static Duration startTime() {
        control();
        return startTime;
    }

    /** The gateway as a browser reaches it: by the name the login redirect is registered for. */
    static String gateway() {
        return "http://localhost:" + get().port("gateway");
    }

    /** The local store page (web-store), where a browser buys. */
    static String store() {
        return "http://localhost:" + get().port("web-store");
    }

    static int imapPort() {
        return get().port("imap");
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
