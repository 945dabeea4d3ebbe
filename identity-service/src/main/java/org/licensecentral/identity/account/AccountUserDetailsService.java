package org.licensecentral.identity.account;

import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Login by e-mail and password against the accounts; an account with five failed logins in
 * fifteen minutes is locked for fifteen (Spring Security then answers the login like a wrong
 * password, so the lock does not tell an attacker the address exists).
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountService accounts;

    AccountUserDetailsService(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Account account = accounts.byEmail(email.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(account.email())
                .password(account.passwordHash())
                .accountLocked(accounts.isLocked(account))
                .build();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        accounts.loginFailed(event.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        accounts.loginSucceeded(event.getAuthentication().getName());
    }
}
