package org.licensecentral.notification;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licensecentral.testsupport.RealInfrastructure;
import org.licensecentral.testsupport.TestInfrastructure;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running service on the real infrastructure and the shared GreenMail; one Spring context for every test class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@AutoConfigureMetrics
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
abstract class NotificationServiceIntegrationTest {

    protected final GreenMail mail = TestInfrastructure.get().mail();

    @LocalServerPort
    protected int port;

    protected MailRequestsDriver driver;

    @BeforeEach
    void connect() {
        driver = new MailRequestsDriver();
    }

    @AfterEach
    void disconnect() {
        driver.close();
    }
}
