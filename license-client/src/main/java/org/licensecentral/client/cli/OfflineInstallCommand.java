package org.licensecentral.client.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.licensecentral.client.Lease;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "offline-install",
        description = {
            "Verifies an activation key from the portal offline and stores it.",
            "Prints 'activation id:', 'mode:' and 'lease ends:' lines."
        })
final class OfflineInstallCommand implements Callable<Integer> {

    /** Three base64url parts: what tells a pasted key from a file name that does not exist. */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    @ParentCommand
    LicenseClientCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "KEY|FILE|-",
            description = "The activation key, a file holding it, or - to read it from standard input.")
    String key;

    @Override
    public Integer call() {
        Lease lease = cli.client(spec).installOffline(activationKey());
        LicenseClientCli.printKey(spec.commandLine().getOut(), lease);
        return 0;
    }

    private String activationKey() {
        if (key.equals("-")) {
            return LicenseClientCli.readAll(cli.in);
        }
        Path file = Path.of(key);
        if (Files.isRegularFile(file)) {
            return LicenseClientCli.read(spec, file, "KEY|FILE");
        }
        if (!COMPACT_JWS.matcher(key.trim()).matches()) {
            throw new ParameterException(spec.commandLine(), key + " is neither an activation key nor a file");
        }
        return key;
    }
}
