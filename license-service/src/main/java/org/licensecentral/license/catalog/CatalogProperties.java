package org.licensecentral.license.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licensecentral.catalog}. {@code downloadHosts}: the artifact hosts a release's download may
 * be on. The portal hands the download link to customers as the product's, so an internal caller
 * must not point it anywhere else (issue 15, finding 1); none configured allows none.
 */
@ConfigurationProperties("licensecentral.catalog")
public record CatalogProperties(List<String> downloadHosts) {

    public CatalogProperties {
        downloadHosts = downloadHosts == null ? List.of() : List.copyOf(downloadHosts);
    }

    /** An https URL on one of the hosts, without user information (which could make another host look like ours). */
    boolean isArtifactDownload(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme())
                    && uri.getRawUserInfo() == null
                    && uri.getHost() != null
                    && downloadHosts.stream().anyMatch(uri.getHost()::equalsIgnoreCase);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
