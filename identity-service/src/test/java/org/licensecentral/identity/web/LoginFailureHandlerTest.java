package org.licensecentral.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.licensecentral.identity.account.LoginWaitException;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

class LoginFailureHandlerTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final LoginFailureHandler handler = new LoginFailureHandler(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aWaitSaysTheMinutesLeftRoundedUp() {
        assertThat(handler.message(new LoginWaitException(NOW.plusSeconds(4 * 60 + 30))))
                .startsWith("Too many failed attempts from this address. Try again in 5 minutes.");
    }

    @Test
    void theLastSecondsOfAWaitReadOneMinuteNotZero() {
        assertThat(handler.message(new LoginWaitException(NOW.plusSeconds(10))))
                .startsWith("Too many failed attempts from this address. Try again in 1 minute.");
        assertThat(handler.message(new LoginWaitException(NOW.minusSeconds(1)))).contains("Try again in 1 minute.");
    }

    @Test
    void wrongCredentialsSayTheEmailAddressOrPasswordIsWrong() {
        assertThat(handler.message(new BadCredentialsException("Bad credentials")))
                .isEqualTo("Wrong e-mail address or password.");
    }

    @Test
    void anyOtherFailureAsksToTryAgainWithoutDetails() {
        assertThat(handler.message(new InternalAuthenticationServiceException("mongo down")))
                .isEqualTo(LoginFailureHandler.FAILED);
    }
}
