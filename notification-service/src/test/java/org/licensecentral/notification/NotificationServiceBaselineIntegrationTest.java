package org.licensecentral.notification;

import org.licensecentral.testsupport.ServiceBaselineIntegrationTest;

class NotificationServiceBaselineIntegrationTest extends ServiceBaselineIntegrationTest {
}
