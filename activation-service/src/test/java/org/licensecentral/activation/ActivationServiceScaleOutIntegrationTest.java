package org.licensecentral.activation;

import java.util.List;

import org.licensecentral.testsupport.ScaleOutIntegrationTest;

class ActivationServiceScaleOutIntegrationTest extends ScaleOutIntegrationTest {

    @Override
    protected List<String> topics() {
        return List.of("license.events", "activation.events", "error.license.events.activation-service");
    }

    @Override
    protected List<String> processors() {
        return List.of("activation-events");
    }
}
