package org.licensecentral.license;

import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.AxonWiring;
import org.licensecentral.testsupport.ServiceBaselineIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class LicenseServiceBaselineIntegrationTest extends ServiceBaselineIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void axonUsesTheServicesDatabaseTransactionsAndObjectMapper() {
        AxonWiring.assertAxonUsesTheServicesInfrastructure(context);
    }
}
