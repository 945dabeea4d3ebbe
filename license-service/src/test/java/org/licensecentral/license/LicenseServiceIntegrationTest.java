package org.licensecentral.license;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.licensecentral.testsupport.RealInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running service on the real infrastructure, one Spring context for every test class, and a driver per test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
abstract class LicenseServiceIntegrationTest {

    @LocalServerPort
    private int port;

    protected LicenseServiceDriver driver;

    @BeforeEach
    void connect() {
        driver = new LicenseServiceDriver(port);
    }

    @AfterEach
    void disconnect() {
        driver.close();
    }
}
