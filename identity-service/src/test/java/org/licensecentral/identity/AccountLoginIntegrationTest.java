package org.licensecentral.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licensecentral.identity.IdentityClient.newAddress;
import static org.licensecentral.identity.IdentityClient.newBrowser;
import static org.licensecentral.identity.IdentityClient.newEmail;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Register, verify with the mailed code (taken from notification.requests), then log in through
 * the authorization code flow with PKCE with a cookie-keeping client, as the gateway does; and
 * reset a forgotten password.
 */
@IdentityServiceContext
class AccountLoginIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Value("${licensecentral.identity.gateway-client-secret}")
    String gatewaySecret;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PasswordComparisons comparisons;

    private IdentityClient identity;

    @BeforeEach
    void connect() {
        identity = new IdentityClient(port, gatewaySecret);
    }

    @Test
    void aNewAccountVerifiesItsEmailAndLogsInWithTheAccountIdAsSubject() throws Exception {
        String email = newEmail();
        assertThat(identity.register(email, PASSWORD).statusCode()).isEqualTo(202);

        assertThat(verify(email, identity.mailedCode(email, "email-verification"))
                        .statusCode())
                .isEqualTo(204);
        Jwt token = identity.logIn(newAddress(), email, PASSWORD).access();

        assertThat(token.getSubject()).isNotEqualTo(email).matches("[0-9a-f-]{36}");
        assertThat(token.getClaimAsString("email")).isEqualTo(email);
        assertThat(token.getClaimAsBoolean("email_verified")).isTrue();
    }

    @Test
    void anAccountsAccessTokenIsForThePortalApiAndItsIdTokenForTheGateway() throws Exception {
        String email = newEmail();
        identity.register(email, PASSWORD);

        IdentityClient.Tokens tokens = identity.logIn(newAddress(), email, PASSWORD);

        assertThat(tokens.access().getAudience()).containsExactly("licensecentral-portal");
        assertThat(tokens.id().getAudience()).containsExactly("gateway");
    }

    @Test
    void anUnverifiedAccountLogsInWithEmailVerifiedFalse() throws Exception {
        String email = newEmail();
        identity.register(email, PASSWORD);

        assertThat(identity.logIn(newAddress(), email, PASSWORD).access().getClaimAsBoolean("email_verified"))
                .isFalse();
    }

    @Test
    void registeringAKnownAddressAnswersTheSameAndMailsNothingNew() throws Exception {
        String email = newEmail();
        HttpResponse<String> first = identity.register(email, PASSWORD);
        identity.mailedCode(email, "email-verification");

        HttpResponse<String> again = identity.register(email, "another long passphrase");

        assertThat(again.statusCode()).isEqualTo(first.statusCode());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(IdentityClient.mailsTo(email, "email-verification")).isEqualTo(1);
    }

    @Test
    void aWeakPasswordIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> common = identity.register(newEmail(), "Password123!");
        HttpResponse<String> shortOne = identity.register(newEmail(), "sh0rt");

        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.body()).contains("weak-password").contains("commonly used");
        assertThat(shortOne.body()).contains("12 to 128");
    }

    @Test
    void anUnknownAddressAWrongCodeAnExpiredCodeAndAVerifiedAddressFailVerificationAlike() throws Exception {
        String unverified = newEmail();
        identity.register(unverified, PASSWORD);
        String expired = newEmail();
        identity.register(expired, PASSWORD);
        String expiredCode = identity.mailedCode(expired, "email-verification");
        mongo.updateFirst(
                Query.query(Criteria.where("email").is(expired)),
                new Update()
                        .set("verificationExpiresAt", Date.from(Instant.now().minusSeconds(60))),
                "accounts");
        String verified = newEmail();
        identity.register(verified, PASSWORD);
        verify(verified, identity.mailedCode(verified, "email-verification"));

        HttpResponse<String> unknown = verify(newEmail(), "ZZZZZZZZ");
        HttpResponse<String> wrong = verify(unverified, "ZZZZZZZZ");
        HttpResponse<String> late = verify(expired, expiredCode);
        HttpResponse<String> again = verify(verified, "ZZZZZZZZ");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("verification-failed");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).isEqualTo(unknown.body());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).isEqualTo(unknown.body());
    }

    @Test
    void verifyingAnUnknownAddressComparesOneHashAsAKnownOneDoes() throws Exception {
        String email = newEmail();
        identity.register(email, PASSWORD);

        int before = comparisons.count();
        verify(newEmail(), "ZZZZZZZZ");
        int unknown = comparisons.count() - before;
        verify(email, "ZZZZZZZZ");
        int known = comparisons.count() - before - unknown;

        assertThat(unknown).isEqualTo(1);
        assertThat(known).isEqualTo(1);
    }

    @Test
    void aForgottenPasswordIsResetWithTheMailedCodeAndTheOldOneNoLongerWorks() throws Exception {
        String email = newEmail();
        identity.register(email, PASSWORD);
        identity.mailedCode(email, "email-verification");
        HttpResponse<String> unknown = requestReset(newEmail());
        HttpResponse<String> known = requestReset(email);
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        String code = identity.mailedCode(email, "password-reset");

        HttpResponse<String> reset = identity.post(
                "/api/v1/accounts/password-reset/confirmation",
                "{\"email\":\"" + email + "\",\"code\":\"" + code
                        + "\",\"newPassword\":\"an entirely new passphrase\"}");

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
        String address = newAddress();
        assertThat(identity.logIn(address, email, "an entirely new passphrase")
                        .access()
                        .getClaimAsString("email"))
                .isEqualTo(email);
        assertThat(identity.formLogin(newBrowser(), address, email, PASSWORD)).contains("/login?error");
    }

    @Test
    void aPasswordResetAlsoConfirmsAnAddressThatWasNeverVerified() throws Exception {
        // Registered, but the verification code was lost or expired: the reset code proves the mailbox too.
        String email = newEmail();
        identity.register(email, PASSWORD);
        requestReset(email);
        String code = identity.mailedCode(email, "password-reset");

        identity.post(
                "/api/v1/accounts/password-reset/confirmation",
                "{\"email\":\"" + email + "\",\"code\":\"" + code
                        + "\",\"newPassword\":\"an entirely new passphrase\"}");

        assertThat(identity.logIn(newAddress(), email, "an entirely new passphrase")
                        .access()
                        .getClaimAsBoolean("email_verified"))
                .isTrue();
    }

    @Test
    void eightResetRequestsInARowMailOnlyThreeCodesAndAnswerAlike() throws Exception {
        String email = newEmail();
        identity.register(email, PASSWORD);
        HttpResponse<String> first = requestReset(email);

        for (int i = 1; i < 8; i++) {
            HttpResponse<String> next = requestReset(email);
            assertThat(next.statusCode()).isEqualTo(202);
            assertThat(next.body()).isEqualTo(first.body());
        }

        assertThat(IdentityClient.mailsTo(email, "password-reset")).isEqualTo(3);
    }

    @Test
    void anAddressWithAControlCharacterIsRefusedAtRegistrationAndReset() throws Exception {
        // @Email alone refuses a line break but lets a C1 control (U+0085, next line) through.
        for (String email : new String[] {"person\\n" + newEmail(), "person\\u0085" + newEmail()}) {
            HttpResponse<String> registration = identity.register(email, PASSWORD);
            HttpResponse<String> reset = requestReset(email);

            assertThat(registration.statusCode()).as(email).isEqualTo(400);
            assertThat(registration.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(registration.body()).contains("control characters");
            assertThat(reset.statusCode()).as(email).isEqualTo(400);
            assertThat(reset.body()).contains("control characters");
        }
    }

    private HttpResponse<String> verify(String email, String code) throws Exception {
        return identity.post(
                "/api/v1/accounts/verification", "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}");
    }

    private HttpResponse<String> requestReset(String email) throws Exception {
        return identity.post("/api/v1/accounts/password-reset", "{\"email\":\"" + email + "\"}");
    }
}
