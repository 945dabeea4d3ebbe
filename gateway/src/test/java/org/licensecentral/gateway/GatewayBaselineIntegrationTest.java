package org.licensecentral.gateway;

import org.licensecentral.testsupport.ServiceBaselineIntegrationTest;

class GatewayBaselineIntegrationTest extends ServiceBaselineIntegrationTest {}
