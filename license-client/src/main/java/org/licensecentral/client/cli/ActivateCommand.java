package org.licensecentral.client.cli;

import java.util.concurrent.Callable;

import org.licensecentral.client.Lease;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "activate",
        description = {
            "Activates this machine online and stores its activation key.",
            "Prints 'activation id:', 'mode:' and 'lease ends:' lines."
        })
final class ActivateCommand implements Callable<Integer> {

    @ParentCommand
    LicenseClientCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    ActivationOptions activation;

    @Override
    public Integer call() {
        Lease lease = cli.client(spec)
                .activate(
                        activation.email, activation.licenseKey, activation.productVersion, activation.hostname(spec));
        LicenseClientCli.printKey(spec.commandLine().getOut(), lease);
        return 0;
    }
}
