package org.licensecentral.license.command;

/** Remote Management was asked of a license whose product has no such switch. */
public class RemoteManagementNotSupportedException extends RuntimeException {

    public RemoteManagementNotSupportedException(String productCode) {
        super("Remote Management is available for Backup 5.2 and newer only, not for " + productCode + " licenses.");
    }
}
