package org.licensecentral.license;

import java.util.List;

import org.licensecentral.testsupport.ScaleOutIntegrationTest;

class LicenseServiceScaleOutIntegrationTest extends ScaleOutIntegrationTest {

    @Override
    protected List<String> topics() {
        return List.of(
                "store.purchases",
                "activation.events",
                "license.events",
                "notification.requests",
                "error.store.purchases.license-service",
                "error.activation.events.license-service");
    }

    @Override
    protected List<String> processors() {
        return List.of("license-events");
    }
}
