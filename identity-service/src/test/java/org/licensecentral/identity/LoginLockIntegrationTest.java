package org.licensecentral.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licensecentral.identity.IdentityClient.newAddress;
import static org.licensecentral.identity.IdentityClient.newBrowser;
import static org.licensecentral.identity.IdentityClient.newEmail;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The wait after failed logins is per account and client address, says how long on the login
 * page, and costs every login attempt the same one hash comparison (issue 15, findings 4 and 5).
 */
@IdentityServiceContext
class LoginLockIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String WAIT = "Too many failed attempts from this address. Try again in 1 minute.";

    @LocalServerPort
    int port;

    @Value("${licensecentral.identity.gateway-client-secret}")
    String gatewaySecret;

    @Autowired
    PasswordComparisons comparisons;

    private IdentityClient identity;

    @BeforeEach
    void connect() {
        identity = new IdentityClient(port, gatewaySecret);
    }

    @Test
    void fiveFailedLoginsFromOneAddressMakeItWaitEvenWithTheRightPasswordAndThePageSaysHowLong() throws Exception {
        String email = registered();
        String address = newAddress();
        failFiveTimes(address, email);

        HttpClient browser = newBrowser();
        assertThat(identity.formLogin(browser, address, email, PASSWORD)).contains("/login?error");

        assertThat(identity.loginErrorPage(browser)).contains(WAIT).doesNotContain("Bad credentials");
    }

    @Test
    void failedLoginsFromAnotherAddressNeverRefuseTheRightPassword() throws Exception {
        String email = registered();
        String attacker = newAddress();
        failFiveTimes(attacker, email);
        identity.formLogin(newBrowser(), attacker, email, "yet another wrong password");

        assertThat(identity.logIn(newAddress(), email, PASSWORD).access().getClaimAsString("email"))
                .isEqualTo(email);
    }

    @Test
    void anUnknownAddressWaitsAsAKnownOneDoes() throws Exception {
        String address = newAddress();
        String unknown = newEmail();
        failFiveTimes(address, unknown);

        HttpClient browser = newBrowser();
        identity.formLogin(browser, address, unknown, PASSWORD);

        assertThat(identity.loginErrorPage(browser)).contains(WAIT);
    }

    @Test
    void aSuccessfulLoginClearsTheFailuresOfItsAddress() throws Exception {
        String email = registered();
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            identity.formLogin(newBrowser(), address, email, "wrong password " + i);
        }
        assertThat(identity.formLogin(newBrowser(), address, email, PASSWORD)).doesNotContain("error");

        for (int i = 0; i < 4; i++) {
            identity.formLogin(newBrowser(), address, email, "wrong password " + i);
        }

        assertThat(identity.formLogin(newBrowser(), address, email, PASSWORD)).doesNotContain("error");
    }

    @Test
    void aPasswordResetLiftsTheWait() throws Exception {
        String email = registered();
        String address = newAddress();
        failFiveTimes(address, email);
        identity.post("/api/v1/accounts/password-reset", "{\"email\":\"" + email + "\"}");
        String code = identity.mailedCode(email, "password-reset");

        identity.post(
                "/api/v1/accounts/password-reset/confirmation",
                "{\"email\":\"" + email + "\",\"code\":\"" + code
                        + "\",\"newPassword\":\"an entirely new passphrase\"}");

        assertThat(identity.formLogin(newBrowser(), address, email, "an entirely new passphrase"))
                .doesNotContain("error");
    }

    @Test
    void everyLoginComparesExactlyOnePasswordHashWhateverTheAccountAndItsWait() throws Exception {
        String email = registered();
        String address = newAddress();

        assertThat(comparisonsOf(address, newEmail(), PASSWORD))
                .as("unknown account")
                .isEqualTo(1);
        assertThat(comparisonsOf(address, email, "a wrong password"))
                .as("wrong password")
                .isEqualTo(1);
        assertThat(comparisonsOf(address, email, PASSWORD)).as("right password").isEqualTo(1);
        failFiveTimes(address, email);
        assertThat(comparisonsOf(address, email, "a wrong password"))
                .as("waiting, wrong password")
                .isEqualTo(1);
        assertThat(comparisonsOf(address, email, PASSWORD))
                .as("waiting, right password")
                .isEqualTo(1);
    }

    private int comparisonsOf(String address, String email, String password) throws Exception {
        HttpClient browser = newBrowser();
        // The login page is fetched first: only the POST's work is counted.
        HttpRequest login = identity.loginRequest(browser, address, email, password);
        int before = comparisons.count();
        browser.send(login, HttpResponse.BodyHandlers.discarding());
        return comparisons.count() - before;
    }

    private void failFiveTimes(String address, String email) throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpClient browser = newBrowser();
            assertThat(identity.formLogin(browser, address, email, "wrong password " + i))
                    .contains("/login?error");
            assertThat(identity.loginErrorPage(browser)).doesNotContain("Too many failed attempts");
        }
    }

    private String registered() throws Exception {
        String email = newEmail();
        assertThat(identity.register(email, PASSWORD).statusCode()).isEqualTo(202);
        return email;
    }
}
