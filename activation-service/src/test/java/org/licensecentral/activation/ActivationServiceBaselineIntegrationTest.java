package org.licensecentral.activation;

import org.licensecentral.testsupport.ServiceBaselineIntegrationTest;

class ActivationServiceBaselineIntegrationTest extends ServiceBaselineIntegrationTest {
}
