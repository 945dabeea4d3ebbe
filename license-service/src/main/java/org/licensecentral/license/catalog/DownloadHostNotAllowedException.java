package org.licensecentral.license.catalog;

import java.util.List;

/** A release whose download is not on one of the configured artifact hosts. */
public class DownloadHostNotAllowedException extends RuntimeException {

    public DownloadHostNotAllowedException(List<String> hosts) {
        super("downloadUrl must be an https URL on one of the artifact hosts " + hosts);
    }
}
