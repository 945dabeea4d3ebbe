package org.licensecentral.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.licensecentral.client.Fingerprint;
import org.licensecentral.client.KeyRejectedException;
import org.licensecentral.client.Lease;
import org.licensecentral.client.LicenseClient;
import org.licensecentral.client.NoJwksException;
import org.licensecentral.client.NoMachineIdException;
import org.licensecentral.client.NotActivatedException;
import org.licensecentral.client.ProblemException;
import org.licensecentral.client.Product;
import org.licensecentral.client.ServerUnavailableException;
import org.licensecentral.client.State;
import org.licensecentral.client.StateFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar license-client-cli.jar [global options] <command>}: the {@link LicenseClient}
 * as a command line. Standard output carries only the result (a fingerprint, a service key, a
 * deactivation code, {@code name: value} lines), so a script can read it; everything meant for a
 * person, above all what to do after a failure, goes to standard error.
 */
@Command(
        name = "license-client",
        subcommands = {
            FingerprintCommand.class,
            ActivateCommand.class,
            OfflineRequestCommand.class,
            OfflineInstallCommand.class,
            StatusCommand.class,
            CheckInCommand.class,
            DeactivateCommand.class
        },
        description = "Activates this machine for a License Central product, online or offline, and keeps its lease.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:refused by License Central, or the key is not valid here",
            "2:wrong usage",
            "3:License Central cannot be reached or has an error; try again later",
            "4:not activated"
        })
public final class LicenseClientCli implements Callable<Integer> {

    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int UNAVAILABLE = 3;
    static final int NOT_ACTIVATED = 4;
    static final String DEFAULT_SERVER = "http://localhost:8080";

    @Option(
            names = "--server",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description =
                    "License Central's address (default: the one in the state file, else " + DEFAULT_SERVER + ").")
    URI server;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "The state file (default: ~/.licensecentral/<product in lower case>.json).")
    Path state;

    @Option(
            names = "--product",
            paramLabel = "PRODUCT",
            scope = ScopeType.INHERIT,
            description = "The product: ${COMPLETION-CANDIDATES}. Required by every command but fingerprint.")
    Product product;

    @Option(
            names = "--machine-id-file",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "A file holding this machine's id (default: /etc/machine-id, /var/lib/dbus/machine-id,"
                    + " the Windows registry's MachineGuid or macOS's IOPlatformUUID).")
    Path machineIdFile;

    @Option(
            names = "--jwks",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "The JWKS to verify activation keys with, as shipped with the product (default: the copy"
                    + " cached in the state file at the last online call).")
    Path jwks;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "Shows this help.")
    boolean help;

    @Spec
    CommandSpec spec;

    /** Standard input, for {@code offline-install -}. */
    InputStream in = System.in;

    private LicenseClient client;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its exit codes; tests set its output writers. */
    public static CommandLine commandLine() {
        LicenseClientCli cli = new LicenseClientCli();
        CommandLine commandLine = new CommandLine(cli).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("license-client: " + e.getMessage());
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> cli.failed(e, command));
        return commandLine;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a command");
    }

    /** The client for a command: the product, state file, server, fingerprint and JWKS of the options. */
    LicenseClient client(CommandSpec command) {
        if (client == null) {
            if (product == null) {
                throw new ParameterException(command.commandLine(), "--product is required for " + command.name());
            }
            StateFile stateFile = state != null ? new StateFile(state) : StateFile.defaultFor(product);
            URI address = server != null
                    ? server
                    : URI.create(stateFile.read().map(State::server).orElse(DEFAULT_SERVER));
            LicenseClient built;
            try {
                built = new LicenseClient(product, address, fingerprint(), stateFile);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), "--server: " + e.getMessage());
            }
            client = jwks == null ? built : withJwks(command, built);
        }
        return client;
    }

    private LicenseClient withJwks(CommandSpec command, LicenseClient built) {
        try {
            return built.withJwks(read(command, jwks, "--jwks"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--jwks: " + jwks + " is " + e.getMessage());
        }
    }

    String fingerprint() {
        return machineIdFile != null ? Fingerprint.of(machineIdFile) : Fingerprint.ofThisMachine();
    }

    static String read(CommandSpec command, Path file, String option) {
        try {
            return Files.readString(file, UTF_8);
        } catch (IOException e) {
            throw new ParameterException(command.commandLine(), option + ": cannot read " + file + " (" + e + ")");
        }
    }

    static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    /** The lines every command that stores a key prints. */
    static void printKey(PrintWriter out, Lease lease) {
        out.println("activation id: " + lease.activationId());
        out.println("mode: " + lease.mode());
        out.println("lease ends: " + lease.leaseEnds());
    }

    /** One line saying what happened, one saying what to do; the exit code says which kind it was. */
    private int failed(Exception e, CommandLine command) {
        PrintWriter err = command.getErr();
        String name = command.getCommandName();
        if (e instanceof ProblemException problem) {
            err.println("license-client: " + name + " refused by License Central (" + problem.name() + ", HTTP "
                    + problem.status() + "): " + Advice.fact(problem));
            err.println(Advice.next(problem, name, product));
            return REFUSED;
        }
        if (e instanceof ServerUnavailableException) {
            err.println("license-client: License Central is not available: " + e.getMessage());
            err.println(Advice.unavailable(name, storedLeaseEnds(), Instant.now()));
            return UNAVAILABLE;
        }
        err.println("license-client: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        if (e instanceof NotActivatedException) {
            err.println(Advice.notActivated());
            return NOT_ACTIVATED;
        }
        if (e instanceof KeyRejectedException rejected) {
            err.println(Advice.next(rejected, name));
            return REFUSED;
        }
        if (e instanceof NoJwksException) {
            err.println(Advice.noJwks());
            return REFUSED;
        }
        if (e instanceof NoMachineIdException) {
            err.println(Advice.noMachineId());
            return REFUSED;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
            return USAGE;
        }
        return REFUSED;
    }

    /** Best effort: this only adds to a message about a failure that has happened already. */
    private Optional<Instant> storedLeaseEnds() {
        try {
            return client == null ? Optional.empty() : client.storedLeaseEnds();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
