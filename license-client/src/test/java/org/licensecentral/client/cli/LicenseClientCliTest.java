package org.licensecentral.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licensecentral.client.FakeLicenseCentral;
import org.licensecentral.client.Fingerprint;
import org.licensecentral.client.Product;
import org.licensecentral.client.State;
import org.licensecentral.client.StateFile;
import org.licensecentral.client.TestKeys;
import org.licensecentral.verifier.DeactivationCode;
import picocli.CommandLine;

class LicenseClientCliTest {

    private static final String[] ACTIVATION = {
        "--email", "ann@example.com", "--license-key", "LK-1", "--product-version", "5.3.1", "--hostname", "host-1"
    };

    @TempDir
    Path dir;

    private final TestKeys keys = new TestKeys();
    private final FakeLicenseCentral server = new FakeLicenseCentral().answer("keys", 200, keys.jwks());
    private String fingerprint;

    private record Run(int exitCode, String stdout, String stderr) {}

    @BeforeEach
    void machine() throws IOException {
        Files.writeString(dir.resolve("machine-id"), "4c4c4544004a4b10804bb7c04f4a3332\n");
        fingerprint = Fingerprint.of(dir.resolve("machine-id"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fingerprintPrintsOnlyTheFingerprint() {
        Run run = run("fingerprint");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo(fingerprint + "\n");
    }

    @Test
    void aCommandThatNeedsTheProductIsAUsageErrorWithoutIt() {
        Run run = runWithout("--product", "status");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--product is required for status");
    }

    @Test
    void anUnknownProductIsAUsageError() {
        assertThat(run("--product", "WORD", "status").exitCode()).isEqualTo(2);
    }

    @Test
    void activateWithoutTheEmailAddressIsAUsageError() {
        Run run = run("activate", "--license-key", "LK-1", "--product-version", "5.3.1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--email");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(runWithout("--product").exitCode()).isEqualTo(2);
    }

    @Test
    void activatePrintsTheActivationIdModeAndLeaseEnd() {
        String key = keys.sign(
                TestKeys.lease(fingerprint, "ONLINE", Instant.parse("2026-03-01T12:00:00Z"), Duration.ofDays(36500)));
        server.answer("activations", 200, TestKeys.activated(key, "ONLINE"));

        Run run = run(with(ACTIVATION, "activate"));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("activation id: act-1\nmode: ONLINE\nlease ends: 2126-02-05T12:00:00Z\n");
    }

    @Test
    void globalOptionsMayAlsoFollowTheCommand() {
        server.answer("activations", 200, TestKeys.activated(keys.onlineKey(fingerprint), "ONLINE"));

        Run run = runWithout("--product", with(ACTIVATION, "activate", "--product", "BACKUP"));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
    }

    @Test
    void activateWithoutAFreeSeatNamesTheMachinesHoldingSeats() {
        server.answerProblem(
                "activations",
                409,
                "no-free-seat",
                "All seats are taken.",
                Map.of("heldBy", List.of("host-a", "host-b")));

        Run run = run(with(ACTIVATION, "activate"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("host-a, host-b").contains("Deactivate one of these machines");
    }

    @Test
    void aVersionNotCoveredNamesTheNewestAllowedVersion() {
        server.answerProblem(
                "activations", 403, "version-not-covered", "Not covered.", Map.of("newestAllowedVersion", "5.2.9"));

        Run run = run(with(ACTIVATION, "activate"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("up to 5.2.9");
    }

    @Test
    void tooManyRequestsSaysHowLongToWait() {
        server.answerProblem(
                "activations", 429, "too-many-requests", "Slow down.", Map.of(), Map.of("Retry-After", "42"));

        Run run = run(with(ACTIVATION, "activate"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("Wait 42 seconds");
    }

    @Test
    void activateAgainstAnUnreachableServerExitsWithThree() throws IOException {
        Run run = runAt("http://127.0.0.1:" + freePort(), with(ACTIVATION, "activate"));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).contains("Try again later").contains("offline-request");
    }

    @Test
    void aServerErrorAtCheckInExitsWithThreeAndSaysHowLongTheLeaseRuns() {
        activate(keys.sign(TestKeys.lease(fingerprint, "ONLINE", Instant.now(), Duration.ofDays(7))));
        server.answerProblem("activations/check-in", 503, "service-unavailable", "Starting.", Map.of());

        Run run = run("check-in");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).contains("lease still runs until");
    }

    @Test
    void statusOfAValidKeyPrintsWhatItGrants() {
        activate(keys.onlineKey(fingerprint));

        Run run = run("status");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .startsWith("VALID\nactivation id: act-1\nmode: ONLINE\nlease ends: ")
                .contains("max version: 5.3.1\n", "maintenance until: 2027-11-01\n", "remote management: true\n");
    }

    @Test
    void statusWithoutAKeyExitsWithFour() {
        Run run = run("status");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.stdout()).isEqualTo("NOT_ACTIVATED\n");
        assertThat(run.stderr()).contains("activate");
    }

    @Test
    void statusOfAnExpiredKeyExitsWithOneAndSaysToCheckIn() {
        stored(keys.sign(
                TestKeys.lease(fingerprint, "ONLINE", Instant.now().minus(Duration.ofDays(8)), Duration.ofDays(7))));

        Run run = run("status");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEqualTo("INVALID EXPIRED\n");
        assertThat(run.stderr()).contains("lease ended at").contains("check-in");
    }

    @Test
    void checkInAfterRevocationDeletesTheKey() {
        activate(keys.onlineKey(fingerprint));
        server.answerProblem(
                "activations/check-in",
                403,
                "activation-revoked",
                "Deactivated.",
                Map.of("reason", "DEACTIVATED_BY_OWNER"));

        Run run = run("check-in");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("deactivated in the portal").contains("activate this machine again");
        assertThat(run("status").exitCode()).isEqualTo(4);
    }

    @Test
    void checkInAfterTheLeaseRanOutSaysSo() {
        activate(keys.onlineKey(fingerprint));
        server.answerProblem(
                "activations/check-in", 403, "activation-revoked", "Freed.", Map.of("reason", "LEASE_EXPIRED"));

        assertThat(run("check-in").stderr()).contains("lease ended before it checked in");
    }

    @Test
    void offlineRequestPrintsOnlyTheServiceKey() throws IOException {
        Run run = run(with(ACTIVATION, "offline-request"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).matches("[A-Za-z0-9_-]+\n");
        assertThat(new ObjectMapper()
                        .readTree(Base64.getUrlDecoder().decode(run.stdout().trim()))
                        .path("fingerprint")
                        .asText())
                .isEqualTo(fingerprint);
        assertThat(run.stderr()).contains("Offline activation").contains("offline-install");
    }

    @Test
    void offlineInstallWithoutAJwksSaysSo() {
        Run run = run("offline-install", keys.onlineKey(fingerprint));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("no JWKS").contains("--jwks");
    }

    @Test
    void offlineInstallReadsTheKeyFromStandardInputAndStoresIt() throws IOException {
        String key = keys.sign(TestKeys.lease(fingerprint, "OFFLINE", Instant.now(), Duration.ofDays(365)));

        Run run = runWithInput(key + "\n", "--jwks", jwksFile().toString(), "offline-install", "-");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("mode: OFFLINE");
        assertThat(stateFile().read().orElseThrow().activationKey()).isEqualTo(key);
    }

    @Test
    void offlineInstallOfAnotherMachinesKeyIsRefused() throws IOException {
        Path keyFile = Files.writeString(dir.resolve("key.txt"), keys.onlineKey("fp-of-another-machine"));

        Run run = run("--jwks", jwksFile().toString(), "offline-install", keyFile.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("another machine").contains("offline-request");
        assertThat(stateFile().read()).isEmpty();
    }

    @Test
    void offlineInstallOfAMissingFileIsAUsageError() {
        Run run = run("offline-install", dir.resolve("key.txt").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("neither an activation key nor a file");
    }

    @Test
    void deactivateOfflinePrintsOnlyTheCodeAndDeletesTheKey() {
        activate(keys.onlineKey(fingerprint));

        Run run = run("deactivate", "--offline");

        assertThat(run.exitCode()).isZero();
        assertThat(DeactivationCode.matches(run.stdout().trim(), TestKeys.DEACTIVATION_SECRET, "act-1"))
                .isTrue();
        assertThat(run.stdout()).hasLineCount(1);
        assertThat(run.stderr()).contains("Activations tab").contains("until the lease ends at");
        assertThat(run("status").exitCode()).isEqualTo(4);
    }

    @Test
    void deactivateReleasesTheSeatOnlineAndDeletesTheKey() {
        activate(keys.onlineKey(fingerprint));
        server.answer("activations/release", 204, "");

        Run run = run("deactivate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("activation id: act-1\nseat: released\n");
        assertThat(stateFile().read().orElseThrow().activated()).isFalse();
    }

    @Test
    void deactivateWithoutAKeyExitsWithFour() {
        assertThat(run("deactivate").exitCode()).isEqualTo(4);
    }

    /** Activated online through the fake server, which the later commands find in the state file. */
    private void activate(String key) {
        server.answer("activations", 200, TestKeys.activated(key, "ONLINE"));
        Run run = run(with(ACTIVATION, "activate"));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
    }

    /** A key stored earlier, with the server's JWKS, whatever it is worth now. */
    private void stored(String key) {
        stateFile()
                .write(new State(
                        server.uri().toString(),
                        Product.BACKUP,
                        fingerprint,
                        "5.3.1",
                        "act-1",
                        key,
                        keys.jwks(),
                        Instant.now()));
    }

    private StateFile stateFile() {
        return new StateFile(dir.resolve("state.json"));
    }

    private Path jwksFile() throws IOException {
        return Files.writeString(dir.resolve("jwks.json"), keys.jwks());
    }

    private Run run(String... args) {
        return execute(null, global(server.uri().toString(), null), args);
    }

    private Run runWithInput(String stdin, String... args) {
        return execute(stdin, global(server.uri().toString(), null), args);
    }

    private Run runAt(String address, String... args) {
        return execute(null, global(address, null), args);
    }

    private Run runWithout(String option, String... args) {
        return execute(null, global(server.uri().toString(), option), args);
    }

    private List<String> global(String address, String without) {
        List<String> global = new ArrayList<>(List.of(
                "--server",
                address,
                "--state",
                dir.resolve("state.json").toString(),
                "--machine-id-file",
                dir.resolve("machine-id").toString()));
        if (!"--product".equals(without)) {
            global.addAll(List.of("--product", "BACKUP"));
        }
        return global;
    }

    private static Run execute(String stdin, List<String> global, String... args) {
        CommandLine commandLine = LicenseClientCli.commandLine();
        if (stdin != null) {
            ((LicenseClientCli) commandLine.getCommand()).in = new ByteArrayInputStream(stdin.getBytes(UTF_8));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(global);
        all.addAll(List.of(args));
        int exitCode = commandLine.execute(all.toArray(String[]::new));
        return new Run(exitCode, lines(out), lines(err));
    }

    private static String lines(StringWriter writer) {
        return writer.toString().replace(System.lineSeparator(), "\n");
    }

    private static String[] with(String[] tail, String... head) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
