package org.licensecentral.license;

import org.licensecentral.testsupport.ServiceBaselineIntegrationTest;

class LicenseServiceBaselineIntegrationTest extends ServiceBaselineIntegrationTest {}
