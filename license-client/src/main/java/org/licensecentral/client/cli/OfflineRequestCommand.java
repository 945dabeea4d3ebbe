package org.licensecentral.client.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "offline-request",
        description = {
            "Prints a service key for activating this machine without a connection.",
            "Standard output holds only the service key; the instructions go to standard error."
        })
final class OfflineRequestCommand implements Callable<Integer> {

    @ParentCommand
    LicenseClientCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    ActivationOptions activation;

    @Override
    public Integer call() {
        String serviceKey = cli.client(spec)
                .offlineRequest(
                        activation.email, activation.licenseKey, activation.productVersion, activation.hostname(spec));
        spec.commandLine().getOut().println(serviceKey);
        PrintWriter err = spec.commandLine().getErr();
        err.println("Paste this service key in the portal: Activations tab, Offline activation. It is accepted once,");
        err.println("within 24 hours. Copy the activation key the portal shows to this machine, then run:");
        err.println("  license-client offline-install <activation key, or a file holding it, or - for standard input>");
        return 0;
    }
}
