package org.licensecentral.client.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.licensecentral.client.KeyRejectedException;
import org.licensecentral.client.Lease;
import org.licensecentral.client.NotActivatedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "status",
        description = {
            "Verifies the stored activation key offline and prints what it grants.",
            "The first line is VALID, INVALID <reason> or NOT_ACTIVATED; 'name: value' lines follow a valid key."
        })
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    LicenseClientCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Lease lease;
        try {
            lease = cli.client(spec).status();
        } catch (NotActivatedException e) {
            out.println("NOT_ACTIVATED");
            throw e;
        } catch (KeyRejectedException e) {
            out.println("INVALID " + e.reason());
            throw e;
        }
        out.println("VALID");
        LicenseClientCli.printKey(out, lease);
        if (Lease.ONLINE.equals(lease.mode())) {
            out.println("check in from: " + lease.checkInFrom());
        }
        out.println("edition: " + lease.edition());
        out.println("max version: " + lease.maxVersion());
        out.println("maintenance until: " + lease.maintenanceUntil());
        out.println("remote management: " + lease.remoteManagement());
        if (lease.checkInDue(Instant.now())) {
            spec.commandLine()
                    .getErr()
                    .println("More than half of the lease has passed: run license-client check-in"
                            + " while connected.");
        }
        return 0;
    }
}
