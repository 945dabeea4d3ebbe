package org.licensecentral.client.cli;

import org.licensecentral.client.LicenseClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What an activation asks for, online or through the portal. */
final class ActivationOptions {

    @Option(names = "--email", required = true, paramLabel = "E", description = "The license owner's e-mail address.")
    String email;

    @Option(names = "--license-key", required = true, paramLabel = "K", description = "The license key.")
    String licenseKey;

    @Option(
            names = "--product-version",
            required = true,
            paramLabel = "V",
            description = "The installed version, e.g. 5.3.1.")
    String productVersion;

    @Option(
            names = "--hostname",
            paramLabel = "H",
            description = "The name this machine is listed under in the portal (default: the local host name).")
    String hostname;

    String hostname(CommandSpec command) {
        if (hostname != null) {
            return hostname;
        }
        return LicenseClient.localHostname()
                .orElseThrow(() -> new ParameterException(
                        command.commandLine(), "this machine's host name cannot be told: give --hostname"));
    }
}
