package org.licensecentral.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licensecentral.notification.MailRequestsDriver.attachCode;
import static org.licensecentral.notification.MailRequestsDriver.awaitMails;
import static org.licensecentral.notification.MailRequestsDriver.kafka;
import static org.licensecentral.notification.MailRequestsDriver.newAddress;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licensecentral.notification.delivery.Delivery;
import org.licensecentral.testsupport.RealInfrastructure;
import org.licensecentral.testsupport.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SMTP server this test stops and starts, on a port of its own, with a topic of its own (the
 * other test contexts of this JVM consume the real one): a mail waits out a short outage, and a
 * long one dead-letters the request with the reason while the next request is still delivered.
 */
@SpringBootTest(
        properties = {
            "spring.cloud.stream.bindings.notificationRequests-in-0.destination=" + SmtpOutageIntegrationTest.TOPIC,
            // Only the mail requests: the license and activation topics belong to the other test context.
            "spring.cloud.function.definition=notificationRequests",
        })
@RealInfrastructure
class SmtpOutageIntegrationTest {

    static final String TOPIC = "notification.requests.outage-test";
    private static final int SMTP_PORT = freePort();

    @Autowired
    MongoTemplate mongo;

    private GreenMail smtp;
    private MailRequestsDriver driver;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeEach
    void connect() {
        driver = new MailRequestsDriver(TOPIC);
    }

    @AfterEach
    void stopSmtp() {
        driver.close();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aMailGoesOutOnceSmtpComesBackAfterBeingDown() throws Exception {
        String to = newAddress();
        String id = UUID.randomUUID().toString();

        driver.request(id, attachCode(to, "88888888"));
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery(id) != null);
        startSmtp();

        awaitMails(smtp, to, 1);
        Delivery delivery = await().atMost(Duration.ofSeconds(10))
                .until(() -> delivery(id), d -> d.status() == Delivery.Status.SENT);
        assertThat(delivery.attempts()).isGreaterThan(1);
    }

    @Test
    void aMailStillFailingAfterTheLastAttemptIsDeadLetteredWithTheReasonAndTheNextOneGoesOut() throws Exception {
        String failing = UUID.randomUUID().toString();
        driver.request(failing, attachCode(newAddress(), "99999999"));

        ConsumerRecord<String, String> dead =
                TopicReader.first(kafka(), "error." + TOPIC + ".notification-service", r -> failing.equals(r.key()));
        assertThat(TopicReader.header(dead, "x-exception-message")).containsIgnoringCase("connect");
        assertThat(delivery(failing).status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(delivery(failing).attempts()).isEqualTo(5);

        startSmtp();
        String to = newAddress();
        driver.request(UUID.randomUUID().toString(), attachCode(to, "23456789"));
        awaitMails(smtp, to, 1);
    }

    private Delivery delivery(String id) {
        return mongo.findById(id, Delivery.class);
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
