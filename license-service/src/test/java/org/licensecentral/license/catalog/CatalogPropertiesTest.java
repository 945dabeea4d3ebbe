package org.licensecentral.license.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CatalogPropertiesTest {

    private final CatalogProperties properties = new CatalogProperties(List.of("downloads.licensecentral.org"));

    @Test
    void anHttpsUrlOnAnArtifactHostIsADownload() {
        assertThat(properties.isArtifactDownload("https://downloads.licensecentral.org/backup/5.9.0/setup.exe"))
                .isTrue();
        assertThat(properties.isArtifactDownload("https://DOWNLOADS.licensecentral.org/backup/5.9.0/setup.exe"))
                .isTrue();
    }

    @Test
    void anyOtherHostIsNot() {
        assertThat(properties.isArtifactDownload("https://evil.example/setup.exe"))
                .isFalse();
        assertThat(properties.isArtifactDownload("https://downloads.licensecentral.org.evil.example/setup.exe"))
                .isFalse();
        assertThat(properties.isArtifactDownload("https://evil.downloads.licensecentral.org/setup.exe"))
                .isFalse();
    }

    @Test
    void userInformationCannotDisguiseAnotherHost() {
        assertThat(properties.isArtifactDownload("https://downloads.licensecentral.org@evil.example/setup.exe"))
                .isFalse();
        assertThat(properties.isArtifactDownload("https://user@downloads.licensecentral.org/setup.exe"))
                .isFalse();
    }

    @Test
    void onlyHttpsAndWellFormedUrlsAreDownloads() {
        assertThat(properties.isArtifactDownload("http://downloads.licensecentral.org/setup.exe"))
                .isFalse();
        assertThat(properties.isArtifactDownload("https://downloads.licensecentral.org/set up.exe"))
                .isFalse();
    }

    @Test
    void noConfiguredHostAllowsNoDownload() {
        assertThat(new CatalogProperties(null).isArtifactDownload("https://downloads.licensecentral.org/setup.exe"))
                .isFalse();
    }
}
