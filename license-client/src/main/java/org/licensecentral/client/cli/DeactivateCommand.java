package org.licensecentral.client.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.licensecentral.client.LicenseClient;
import org.licensecentral.client.OfflineDeactivation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "deactivate",
        description = {
            "Frees this machine's seat and deletes its key.",
            "Online it prints 'activation id:' and 'seat: released'; with --offline only the deactivation code."
        })
final class DeactivateCommand implements Callable<Integer> {

    @ParentCommand
    LicenseClientCli cli;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--offline",
            description =
                    "Without a connection: delete the key and print the code that frees" + " the seat in the portal.")
    boolean offline;

    @Override
    public Integer call() {
        LicenseClient client = cli.client(spec);
        PrintWriter out = spec.commandLine().getOut();
        if (offline) {
            OfflineDeactivation deactivation = client.deactivateOffline();
            out.println(deactivation.code());
            instructions(deactivation);
            return 0;
        }
        out.println("activation id: " + client.deactivate());
        out.println("seat: released");
        return 0;
    }

    private void instructions(OfflineDeactivation deactivation) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("The activation key is deleted. Enter this deactivation code in the portal: Activations tab,");
        err.println("the row of activation " + deactivation.activationId() + ". It frees the seat at once.");
        Instant leaseEnds = deactivation.leaseEnds();
        if (leaseEnds != null && leaseEnds.isAfter(Instant.now())) {
            err.println("Until then the seat stays taken, until the lease ends at " + leaseEnds + ".");
        } else if (leaseEnds != null) {
            err.println("The lease ended at " + leaseEnds + ", so the seat is free already.");
        }
    }
}
