package org.licensecentral.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licensecentral.identity.IdentityClient.newAddress;
import static org.licensecentral.identity.IdentityClient.newEmail;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The signed-in account's own verification, as the portal's banner uses it (issue 16): a new code
 * by mail within the per-account cap, the code checked with answers that say what went wrong, and
 * the tokens of a refresh that say the address is verified.
 */
@IdentityServiceContext
class OwnVerificationIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${licensecentral.identity.gateway-client-secret}")
    String gatewaySecret;

    @Value("${licensecentral.identity.mail-caps.per-account}")
    int mailsPerAccount;

    @Value("${licensecentral.identity.codes.attempts}")
    int attempts;

    @Autowired
    MongoTemplate mongo;

    private IdentityClient identity;

    @BeforeEach
    void connect() {
        identity = new IdentityClient(port, gatewaySecret);
    }

    @Test
    void aNewCodeConfirmsTheAddressAndTheRefreshedTokenSaysVerified() throws Exception {
        String email = newEmail();
        identity.register(email, PASSWORD);
        String first = identity.mailedCode(email, "email-verification");
        IdentityClient.Tokens tokens = identity.logIn(newAddress(), email, PASSWORD);

        HttpResponse<String> resent = identity.postAs(tokens.access(), "/api/v1/account/verification-code", "{}");
        String second = awaitSecondCode(email, first);
        HttpResponse<String> oldCode = verify(tokens.access(), first);
        HttpResponse<String> verified = verify(tokens.access(), second);

        assertThat(resent.statusCode()).isEqualTo(202);
        assertThat(oldCode.statusCode()).as("the code before is void").isEqualTo(400);
        assertThat(verified.statusCode()).isEqualTo(204);
        assertThat(tokens.access().getClaimAsBoolean("email_verified")).isFalse();
        assertThat(identity.refresh(tokens.refresh()).getClaimAsBoolean("email_verified"))
                .isTrue();
    }

    @Test
    void aWrongCodeSaysHowManyTriesAreLeftAndNothingOfAPasswordReset() throws Exception {
        IdentityClient.Tokens tokens = registeredAndLoggedIn(newEmail());

        HttpResponse<String> wrong = verify(tokens.access(), "ZZZZZZZZ");

        assertThat(wrong.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(wrong.body());
        assertThat(problem.get("type").asText()).endsWith("/verification-code-wrong");
        assertThat(problem.get("attemptsLeft").asInt()).isEqualTo(attempts - 1);
        assertThat(problem.get("detail").asText()).contains("tries left").doesNotContainIgnoringCase("reset");
    }

    @Test
    void theRightCodeAfterItsLastTryIsExpiredAndAsksForANewOne() throws Exception {
        String email = newEmail();
        IdentityClient.Tokens tokens = registeredAndLoggedIn(email);
        String code = identity.mailedCode(email, "email-verification");
        JsonNode last = null;
        for (int i = 0; i < attempts; i++) {
            last = json.readTree(verify(tokens.access(), "ZZZZZZZZ").body());
        }

        HttpResponse<String> right = verify(tokens.access(), code);

        assertThat(last.get("attemptsLeft").asInt()).isZero();
        assertThat(last.get("detail").asText()).contains("last try");
        assertThat(right.statusCode()).isEqualTo(400);
        assertThat(json.readTree(right.body()).get("type").asText()).endsWith("/verification-code-expired");
    }

    @Test
    void anExpiredCodeIsToldApartFromAWrongOne() throws Exception {
        String email = newEmail();
        IdentityClient.Tokens tokens = registeredAndLoggedIn(email);
        String code = identity.mailedCode(email, "email-verification");
        mongo.updateFirst(
                Query.query(Criteria.where("email").is(email)),
                new Update()
                        .set("verificationExpiresAt", Date.from(Instant.now().minusSeconds(60))),
                "accounts");

        HttpResponse<String> late = verify(tokens.access(), code);

        assertThat(late.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(late.body());
        assertThat(problem.get("type").asText()).endsWith("/verification-code-expired");
        assertThat(problem.get("detail").asText()).contains("Ask for a new code");
    }

    @Test
    void pastTheMailCapANewCodeIsRefusedWithItsWait() throws Exception {
        String email = newEmail();
        IdentityClient.Tokens tokens = registeredAndLoggedIn(email);
        // Registration's mail was the first of the window.
        for (int i = 1; i < mailsPerAccount; i++) {
            assertThat(identity.postAs(tokens.access(), "/api/v1/account/verification-code", "{}")
                            .statusCode())
                    .isEqualTo(202);
        }

        HttpResponse<String> refused = identity.postAs(tokens.access(), "/api/v1/account/verification-code", "{}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        assertThat(json.readTree(refused.body()).get("type").asText()).endsWith("/verification-mail-wait");
        assertThat(IdentityClient.mailsTo(email, "email-verification")).isEqualTo(mailsPerAccount);
    }

    @Test
    void aConfirmedAddressIsToldSoAndGetsNoMail() throws Exception {
        String email = newEmail();
        IdentityClient.Tokens tokens = registeredAndLoggedIn(email);
        assertThat(verify(tokens.access(), identity.mailedCode(email, "email-verification"))
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> again = verify(tokens.access(), "ZZZZZZZZ");
        HttpResponse<String> resend = identity.postAs(tokens.access(), "/api/v1/account/verification-code", "{}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(resend.statusCode()).isEqualTo(409);
        assertThat(json.readTree(resend.body()).get("type").asText()).endsWith("/already-verified");
        assertThat(IdentityClient.mailsTo(email, "email-verification")).isEqualTo(1);
    }

    @Test
    void withoutATokenTheOwnAccountApiAnswers401AsProblemJson() throws Exception {
        HttpResponse<String> anonymous = identity.post("/api/v1/account/verification-code", "{}");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private IdentityClient.Tokens registeredAndLoggedIn(String email) throws Exception {
        identity.register(email, PASSWORD);
        return identity.logIn(newAddress(), email, PASSWORD);
    }

    private HttpResponse<String> verify(Jwt access, String code) throws Exception {
        return identity.postAs(access, "/api/v1/account/verification", "{\"code\":\"" + code + "\"}");
    }

    /** The code of the second verification mail to the address (the first is registration's). */
    private String awaitSecondCode(String email, String first) throws Exception {
        return await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> IdentityClient.mailedCodes(email, "email-verification"), codes -> codes.size() == 2)
                .stream()
                .filter(code -> !code.equals(first))
                .findFirst()
                .orElseThrow();
    }
}
