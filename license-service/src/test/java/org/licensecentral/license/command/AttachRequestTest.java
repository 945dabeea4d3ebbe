package org.licensecentral.license.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licensecentral.license.api.AttachCodeRejectedEvent;
import org.licensecentral.license.api.AttachCodeRequestedEvent;
import org.licensecentral.license.api.AttachRequestConfirmedEvent;
import org.licensecentral.license.api.AttachRequestLockedEvent;
import org.licensecentral.license.api.ConfirmAttachCommand;
import org.licensecentral.license.api.RequestAttachCodeCommand;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class AttachRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final PasswordEncoder ENCODER = new BCryptPasswordEncoder(4);
    private static final String CODE = "K7PQ2XMA";
    private static final String HASH = ENCODER.encode(CODE);

    private AggregateTestFixture<AttachRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureAllowing(5);
    }

    @Test
    void requestingACodeRecordsOnlyItsHash() {
        fixture.givenNoPriorActivity()
                .when(new RequestAttachCodeCommand(
                        "req-1", "acc-b", List.of("lic-1"), "a@example.org", HASH, NOW.plusSeconds(1800)))
                .expectEvents(requested(List.of("lic-1")));
    }

    @Test
    void theRightCodeConfirmsTheRequest() {
        fixture.given(requested(List.of("lic-1", "lic-2")))
                .when(confirm("acc-b", CODE))
                .expectEvents(
                        new AttachRequestConfirmedEvent("req-1", List.of("lic-1", "lic-2"), "acc-b", "b@example.org"));
    }

    @Test
    void theRightCodeAnswersTheLicensesItAttaches() {
        fixture.given(requested(List.of("lic-1", "lic-2")), rejected(1))
                .when(confirm("acc-b", CODE))
                .expectResultMessagePayload(new AttachRequest.Outcome(true, 4, List.of("lic-1", "lic-2")));
    }

    @Test
    void aWrongCodeIsRecordedAsARejectedAttempt() {
        fixture.given(requested(List.of("lic-1")))
                .when(confirm("acc-b", "WRONG222"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new AttachRequest.Outcome(false, 4, List.of()))
                .expectEvents(new AttachCodeRejectedEvent("req-1", 1));
    }

    @Test
    void attachFailsAfterFiveWrongCodes() {
        fixture.given(requested(List.of("lic-1")), rejected(1), rejected(2), rejected(3), rejected(4))
                .when(confirm("acc-b", "WRONG222"))
                .expectEvents(new AttachCodeRejectedEvent("req-1", 5), new AttachRequestLockedEvent("req-1"));
    }

    @Test
    void attachLocksAfterTheConfiguredNumberOfWrongCodes() {
        fixture = fixtureAllowing(3);
        fixture.given(requested(List.of("lic-1")), rejected(1), rejected(2))
                .when(confirm("acc-b", "WRONG222"))
                .expectResultMessagePayload(new AttachRequest.Outcome(false, 0, List.of()))
                .expectEvents(new AttachCodeRejectedEvent("req-1", 3), new AttachRequestLockedEvent("req-1"));
    }

    @Test
    void aLockedRequestRefusesEvenTheRightCode() {
        fixture.given(
                        requested(List.of("lic-1")),
                        rejected(1),
                        rejected(2),
                        rejected(3),
                        rejected(4),
                        rejected(5),
                        new AttachRequestLockedEvent("req-1"))
                .when(confirm("acc-b", CODE))
                .expectException(AttachRequestException.class)
                .expectExceptionMessage(new AttachRequestException(AttachRequestException.Reason.LOCKED).getMessage())
                .expectNoEvents();
    }

    @Test
    void anExpiredRequestRefusesTheRightCode() {
        fixture.given(new AttachCodeRequestedEvent("req-1", "acc-b", List.of("lic-1"), "a@example.org", HASH, NOW))
                .when(confirm("acc-b", CODE))
                .expectException(AttachRequestException.class)
                .expectExceptionMessage(new AttachRequestException(AttachRequestException.Reason.EXPIRED).getMessage())
                .expectNoEvents();
    }

    @Test
    void aConfirmedRequestCannotBeUsedAgain() {
        fixture.given(
                        requested(List.of("lic-1")),
                        new AttachRequestConfirmedEvent("req-1", List.of("lic-1"), "acc-b", "b@example.org"))
                .when(confirm("acc-b", CODE))
                .expectException(AttachRequestException.class)
                .expectExceptionMessage(new AttachRequestException(AttachRequestException.Reason.USED).getMessage())
                .expectNoEvents();
    }

    @Test
    void anotherAccountCannotConfirmTheRequest() {
        fixture.given(requested(List.of("lic-1")))
                .when(confirm("acc-c", CODE))
                .expectException(AttachRequestException.class)
                .expectExceptionMessage(
                        new AttachRequestException(AttachRequestException.Reason.NOT_FOUND).getMessage())
                .expectNoEvents();
    }

    @Test
    void aRequestThatMatchedNothingNeverConfirms() {
        fixture.given(requested(List.of()))
                .when(confirm("acc-b", CODE))
                .expectEvents(new AttachCodeRejectedEvent("req-1", 1));
    }

    private static AggregateTestFixture<AttachRequest> fixtureAllowing(int codeAttempts) {
        AggregateTestFixture<AttachRequest> fixture = new AggregateTestFixture<>(AttachRequest.class);
        fixture.registerInjectableResource(ENCODER);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new AttachLimits(5, 5, Duration.ofMinutes(30), codeAttempts));
        return fixture;
    }

    private static AttachCodeRequestedEvent requested(List<String> licenseIds) {
        return new AttachCodeRequestedEvent(
                "req-1",
                "acc-b",
                licenseIds,
                licenseIds.isEmpty() ? null : "a@example.org",
                HASH,
                NOW.plusSeconds(1800));
    }

    private static AttachCodeRejectedEvent rejected(int attempt) {
        return new AttachCodeRejectedEvent("req-1", attempt);
    }

    private static ConfirmAttachCommand confirm(String accountId, String code) {
        return new ConfirmAttachCommand("req-1", accountId, "b@example.org", code);
    }
}
