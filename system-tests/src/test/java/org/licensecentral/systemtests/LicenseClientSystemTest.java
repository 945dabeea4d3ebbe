package org.licensecentral.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licensecentral.systemtests.PortalClient.expect;
import static org.licensecentral.systemtests.PortalClient.json;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed product's side, as a product runs it: the {@code license-client} jar as a process
 * of its own, one state file and machine id per simulated machine, against the stack through the
 * gateway. activation-service runs with a short online lease for these tests, so a lease that is
 * not renewed runs out while they watch; it is restarted with its usual leases afterwards.
 */
class LicenseClientSystemTest {

    /** The online lease for these tests; the deadline that ends it is polled every second. */
    private static final Duration LEASE = Duration.ofSeconds(20);

    @TempDir
    static Path machines;

    private static Path jwks;

    @BeforeAll
    static void shortLeases() throws Exception {
        SystemStack.control()
                .restart(
                        "activation-service",
                        List.of(
                                "--licensecentral.activation.leases.online=PT" + LEASE.toSeconds() + "S",
                                "--db-scheduler.polling-interval=PT1S"));
        // What a product ships for offline use: the JWKS of the keys that sign activation keys.
        jwks = machines.resolve("jwks.json");
        Files.writeString(
                jwks,
                expect(new PortalClient().get("/api/v1/software/keys"), 200).body());
    }

    @AfterAll
    static void usualLeases() {
        SystemStack.control().restart("activation-service");
    }

    @Test
    void anOnlineMachineChecksInAndStopsOnceThePortalDeactivatedIt() throws Exception {
        Customer customer = Customer.withLicense("client-online");
        Machine machine = new Machine("online");

        Run activated = machine.run(
                "activate",
                "--email",
                customer.email(),
                "--license-key",
                customer.licenseKey(),
                "--product-version",
                "5.3.1",
                "--hostname",
                machine.hostname());
        assertThat(activated.exitCode()).as(activated.toString()).isZero();
        String leasedKey = machine.storedKey();
        assertThat(machine.run("status").exitCode()).isZero();
        Run checkedIn = machine.run("check-in");
        assertThat(checkedIn.exitCode()).as(checkedIn.toString()).isZero();

        String activationId =
                customer.awaitActivation(machine.hostname()).path("id").asText();
        expect(customer.portal().delete("/api/v1/activations/" + activationId), 204);
        Run refused = machine.run("check-in");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.output()).contains("deactivated in the portal");
        assertThat(machine.run("status").exitCode()).as("the key is gone").isEqualTo(4);
        // A copy of the key kept elsewhere works offline only until its lease ends.
        Path copy = machine.dir().resolve("copied-key.txt");
        Files.writeString(copy, leasedKey);
        String fingerprint = machine.run("fingerprint").stdout().trim();
        await().atMost(LEASE.plusSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> verify(copy, fingerprint).exitCode() == 1);
        assertThat(verify(copy, fingerprint).stdout()).contains("EXPIRED");
    }

    @Test
    void anOfflineMachineGoesThroughThePortalAndIsFreedByItsDeactivationCode() throws Exception {
        Customer customer = Customer.withLicense("client-offline");
        Machine machine = new Machine("offline");

        Run request = machine.run(
                "offline-request",
                "--email",
                customer.email(),
                "--license-key",
                customer.licenseKey(),
                "--product-version",
                "5.3.1",
                "--hostname",
                machine.hostname());
        assertThat(request.exitCode()).as(request.toString()).isZero();
        String serviceKey = request.stdout().trim();
        JsonNode activated = json(
                expect(customer.portal().post("/api/v1/activations/offline", Map.of("serviceKey", serviceKey)), 200));
        Path keyFile = machine.dir().resolve("activation-key.txt");
        Files.writeString(keyFile, activated.path("activationKey").asText());

        Run installed = machine.run("offline-install", keyFile.toString());
        assertThat(installed.exitCode()).as(installed.toString()).isZero();
        Run status = machine.run("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains("OFFLINE");

        // The same service key again, as if copied from an old screenshot: refused.
        HttpResponse<String> replayed =
                customer.portal().post("/api/v1/activations/offline", Map.of("serviceKey", serviceKey));
        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(replayed.body()).contains("service-key-used");

        Run deactivated = machine.run("deactivate", "--offline");
        assertThat(deactivated.exitCode()).as(deactivated.toString()).isZero();
        String code = deactivated.stdout().trim();
        String activationId = activated.path("activationId").asText();
        customer.awaitActivation(machine.hostname());
        expect(
                customer.portal()
                        .post(
                                "/api/v1/activations/" + activationId + "/offline-deactivation",
                                Map.of("deactivationCode", code)),
                204);

        await().atMost(Duration.ofSeconds(30)).until(() -> customer.activation(machine.hostname()) == null);
        assertThat(machine.run("status").exitCode()).isEqualTo(4);
    }

    @Test
    void aLeaseThatIsNotRenewedFreesTheSeatForAnotherMachine() throws Exception {
        Customer customer = Customer.withLicense("client-lease");
        Machine first = new Machine("first");
        Machine second = new Machine("second");
        assertThat(first.activate(customer).exitCode()).isZero();

        Run noSeat = second.activate(customer);
        assertThat(noSeat.exitCode()).as(noSeat.toString()).isEqualTo(1);
        assertThat(noSeat.output()).contains(first.hostname());

        // The first machine never checks in: its lease ends and the deadline frees the seat.
        customer.awaitActivation(first.hostname());
        await().atMost(LEASE.plusSeconds(40))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> customer.activation(first.hostname()) == null);
        Run taken = second.activate(customer);
        assertThat(taken.exitCode()).as(taken.toString()).isZero();
        Run late = first.run("check-in");
        assertThat(late.exitCode()).isEqualTo(1);
        assertThat(late.output()).contains("lease ended");
    }

    /** A customer with one Backup license, logged in to the portal. */
    private record Customer(String email, String licenseKey, PortalClient portal) {

        static Customer withLicense(String who) {
            String email = Customers.newEmail(who);
            PortalClient portal = Customers.loggedIn(email);
            JsonNode license = Customers.awaitLicense(portal, Customers.purchase(email));
            return new Customer(email, license.path("licenseKey").asText(), portal);
        }

        JsonNode activation(String hostname) {
            for (JsonNode row : json(expect(portal.get("/api/v1/activations"), 200))) {
                if (hostname.equals(row.path("hostname").asText())) {
                    return row;
                }
            }
            return null;
        }

        JsonNode awaitActivation(String hostname) {
            return await().atMost(Duration.ofSeconds(30)).until(() -> activation(hostname), row -> row != null);
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {

        String output() {
            return stdout + stderr;
        }
    }

    /** One installed product on one machine: its own machine id, state file and host name. */
    private static final class Machine {

        private final Path dir;
        private final String hostname;

        Machine(String name) throws IOException {
            this.hostname = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            this.dir = Files.createDirectories(machines.resolve(hostname));
            Files.writeString(
                    dir.resolve("machine-id"), UUID.randomUUID().toString().replace("-", "") + "\n");
        }

        Path dir() {
            return dir;
        }

        String hostname() {
            return hostname;
        }

        Run activate(Customer customer) throws Exception {
            return run(
                    "activate",
                    "--email",
                    customer.email(),
                    "--license-key",
                    customer.licenseKey(),
                    "--product-version",
                    "5.3.1",
                    "--hostname",
                    hostname);
        }

        String storedKey() throws IOException {
            return new ObjectMapper()
                    .readTree(dir.resolve("state.json").toFile())
                    .path("activationKey")
                    .asText();
        }

        Run run(String... command) throws Exception {
            List<String> arguments = new ArrayList<>(List.of(
                    "--server",
                    SystemStack.gateway(),
                    "--product",
                    "BACKUP",
                    "--state",
                    dir.resolve("state.json").toString(),
                    "--machine-id-file",
                    dir.resolve("machine-id").toString(),
                    "--jwks",
                    jwks.toString()));
            arguments.addAll(List.of(command));
            return java(jar("license-client", "license-client-"), arguments);
        }
    }

    /**
     * The activation-verifier's command line, as a product without the client would check a key;
     * without the usual 5 minutes of clock skew, so the test need not wait them out.
     */
    private static Run verify(Path key, String fingerprint) throws Exception {
        return java(
                jar("activation-verifier", "activation-verifier-"),
                List.of("--clock-skew", "0", key.toString(), jwks.toString(), fingerprint, "BACKUP"));
    }

    private static Run java(Path jar, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        command.addAll(arguments);
        Path out = Files.createTempFile(machines, "out", ".txt");
        Path err = Files.createTempFile(machines, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("no answer within 60 s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
    }

    /** A module's runnable jar, as its build left it under target/. */
    private static Path jar(String module, String prefix) throws IOException {
        try (Stream<Path> files =
                Files.list(SystemStack.get().root().resolve(module).resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)
                            && file.getFileName().toString().endsWith("-cli.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("build " + module + " first: no *-cli.jar"));
        }
    }
}
