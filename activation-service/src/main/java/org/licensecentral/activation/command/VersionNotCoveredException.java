package org.licensecentral.activation.command;

import org.licensecentral.activation.licenses.ProductVersion;

/** The build was released after the license's maintenance ended (or is not released at all). */
public class VersionNotCoveredException extends RuntimeException {

    private final ProductVersion newestAllowed;

    public VersionNotCoveredException(ProductVersion requested, ProductVersion newestAllowed) {
        super(
                newestAllowed == null
                        ? "No release of this product is covered by the license's maintenance."
                        : "Version " + requested + " is newer than the license's maintenance allows; install version "
                                + newestAllowed + " or renew the maintenance.");
        this.newestAllowed = newestAllowed;
    }

    public ProductVersion newestAllowed() {
        return newestAllowed;
    }
}
