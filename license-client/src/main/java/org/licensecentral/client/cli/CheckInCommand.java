package org.licensecentral.client.cli;

import java.util.concurrent.Callable;

import org.licensecentral.client.Lease;
import org.licensecentral.client.LicenseClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "check-in",
        description = {
            "Renews the lease online and replaces the stored key.",
            "Prints 'activation id:', 'mode:' and 'lease ends:' lines. A machine deactivated meanwhile loses its key."
        })
final class CheckInCommand implements Callable<Integer> {

    @ParentCommand
    LicenseClientCli cli;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--product-version",
            paramLabel = "V",
            description = "The installed version, if it changed (default: the one activated with).")
    String productVersion;

    @Override
    public Integer call() {
        LicenseClient client = cli.client(spec);
        Lease lease = productVersion == null ? client.checkIn() : client.checkIn(productVersion);
        LicenseClientCli.printKey(spec.commandLine().getOut(), lease);
        return 0;
    }
}
