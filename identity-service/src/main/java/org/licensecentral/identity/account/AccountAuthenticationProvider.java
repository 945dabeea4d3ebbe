package org.licensecentral.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Login by e-mail and password against the accounts, with {@link FailedLogins}' wait per account
 * and client address (issue 15, findings 4 and 5).
 *
 * <p>Every try compares exactly one password hash, whether the account is unknown (Spring's
 * {@link DaoAuthenticationProvider} compares a dummy hash then), waiting, or known: the time of
 * the answer tells nothing. A try during a wait is refused whatever its password, with a
 * {@link LoginWaitException} that says until when (the login page turns it into minutes); answering
 * a right password otherwise would tell a guesser it was right.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final FailedLogins failedLogins;
    private final Clock clock;

    AccountAuthenticationProvider(
            AccountService accounts, PasswordEncoder encoder, FailedLogins failedLogins, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(email -> accounts.byEmail(Account.normalizedEmail(email))
                .map(account -> User.withUsername(account.email())
                        .password(account.passwordHash())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such account")));
        this.passwords.setPasswordEncoder(encoder);
        this.failedLogins = failedLogins;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        if (!(login.getDetails() instanceof WebAuthenticationDetails details)) {
            throw new InternalAuthenticationServiceException("a login without the client's address");
        }
        Optional<Duration> wait = failedLogins.tryAcquire(login.getName(), details.getRemoteAddress());
        Authentication result;
        try {
            result = passwords.authenticate(login);
        } catch (AuthenticationException failed) {
            throw wait.<AuthenticationException>map(this::locked).orElse(failed);
        }
        if (wait.isPresent()) {
            throw locked(wait.get());
        }
        failedLogins.succeeded(login.getName(), details.getRemoteAddress());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private LoginWaitException locked(Duration wait) {
        return new LoginWaitException(clock.instant().plus(wait));
    }
}
