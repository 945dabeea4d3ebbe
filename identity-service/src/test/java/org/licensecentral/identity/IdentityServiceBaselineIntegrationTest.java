package org.licensecentral.identity;

import org.licensecentral.testsupport.ServiceBaselineIntegrationTest;

class IdentityServiceBaselineIntegrationTest extends ServiceBaselineIntegrationTest {}
