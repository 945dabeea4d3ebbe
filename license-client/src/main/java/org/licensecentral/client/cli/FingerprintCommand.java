package org.licensecentral.client.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "fingerprint", description = "Prints this machine's fingerprint, the identity its keys are issued to.")
final class FingerprintCommand implements Callable<Integer> {

    @ParentCommand
    LicenseClientCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(cli.fingerprint());
        return 0;
    }
}
