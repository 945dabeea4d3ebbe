package org.licensecentral.identity.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.licensecentral.support.messaging.CloudEventsPublisher;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Registration, e-mail verification and the login lock. No answer tells whether an address is
 * registered: registering a known address, verifying with a wrong code or an unknown address, all
 * look the same from outside.
 */
@Service
public class AccountService {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(30);
    static final int CODE_ATTEMPTS = 5;
    static final int FAILED_LOGINS = 5;
    static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);
    private static final String SYMBOLS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final CloudEventsPublisher publisher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AccountService(MongoTemplate mongo, PasswordEncoder passwords, PasswordPolicy policy,
                          CloudEventsPublisher publisher, Clock clock) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.policy = policy;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** One account per address, enforced by the database, not by a check-then-insert. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(Account.class).ensureIndex(new Index("email", Sort.Direction.ASC).unique());
    }

    /** Creates the account and mails a verification code; a known address changes nothing. */
    public void register(String email, String password) {
        String address = email.trim().toLowerCase(Locale.ROOT);
        policy.problem(password, address).ifPresent(problem -> {
            throw new AccountException(AccountException.Reason.WEAK_PASSWORD, "The password " + problem + ".");
        });
        // The hashing comes first, so a known address costs the same time as a new one.
        String code = newCode();
        Account account = new Account(UUID.randomUUID().toString(), address, passwords.encode(password), false,
                passwords.encode(code), clock.instant().plus(CODE_LIFETIME), 0, null, null, 0, List.of(), null, clock.instant());
        if (byEmail(address).isPresent()) {
            return;
        }
        try {
            mongo.insert(account);
        } catch (DuplicateKeyException registeredMeanwhile) {
            return;
        }
        mailCode(account, code);
    }

    /** Confirms the address with the mailed code. */
    public void verify(String email, String code) {
        Account account = byEmail(email.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new AccountException(AccountException.Reason.VERIFICATION_FAILED));
        if (account.emailVerified()) {
            return;
        }
        if (account.verificationAttempts() >= CODE_ATTEMPTS || clock.instant().isAfter(account.verificationExpiresAt())) {
            throw new AccountException(AccountException.Reason.VERIFICATION_FAILED);
        }
        if (!passwords.matches(code.trim().toUpperCase(Locale.ROOT), account.verificationCodeHash())) {
            mongo.updateFirst(byId(account.id()), new Update().inc("verificationAttempts", 1), Account.class);
            throw new AccountException(AccountException.Reason.VERIFICATION_FAILED);
        }
        mongo.updateFirst(byId(account.id()), new Update().set("emailVerified", true).unset("verificationCodeHash"),
                Account.class);
    }

    /** Mails a reset code to a registered address; any other address gets the same answer and no mail. */
    public void requestPasswordReset(String email) {
        String code = newCode();
        String hash = passwords.encode(code);
        byEmail(email.trim().toLowerCase(Locale.ROOT)).ifPresent(account -> {
            mongo.updateFirst(byId(account.id()), new Update().set("resetCodeHash", hash)
                    .set("resetExpiresAt", clock.instant().plus(CODE_LIFETIME)).set("resetAttempts", 0), Account.class);
            publisher.publish("notificationRequests-out-0", "password-reset/" + account.id() + "/" + clock.instant().toEpochMilli(),
                    "org.licensecentral.notification.mail-requested.v1", account.id(), clock.instant(),
                    Map.of("template", "password-reset", "to", account.email(), "data", Map.of("code", code)));
        });
    }

    /**
     * Sets a new password with the mailed code; the login lock is lifted, the code used up. The code
     * proves the mailbox as well as a verification code does, so the address counts as verified:
     * this is also the way back for an account whose verification code expired, and it takes an
     * address back from anyone who registered it without owning it.
     */
    public void resetPassword(String email, String code, String newPassword) {
        String address = email.trim().toLowerCase(Locale.ROOT);
        policy.problem(newPassword, address).ifPresent(problem -> {
            throw new AccountException(AccountException.Reason.WEAK_PASSWORD, "The password " + problem + ".");
        });
        Account account = byEmail(address).orElseThrow(() -> new AccountException(AccountException.Reason.RESET_FAILED));
        if (account.resetCodeHash() == null || account.resetAttempts() >= CODE_ATTEMPTS
                || clock.instant().isAfter(account.resetExpiresAt())) {
            throw new AccountException(AccountException.Reason.RESET_FAILED);
        }
        if (!passwords.matches(code.trim().toUpperCase(Locale.ROOT), account.resetCodeHash())) {
            mongo.updateFirst(byId(account.id()), new Update().inc("resetAttempts", 1), Account.class);
            throw new AccountException(AccountException.Reason.RESET_FAILED);
        }
        mongo.updateFirst(byId(account.id()), new Update().set("passwordHash", passwords.encode(newPassword))
                .set("emailVerified", true).unset("verificationCodeHash")
                .unset("resetCodeHash").unset("lockedUntil").set("failedLogins", List.of()), Account.class);
    }

    public Optional<Account> byEmail(String email) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("email").is(email)), Account.class));
    }

    /** Whether logins to the account are locked now (5 failures within 15 minutes lock it for 15). */
    public boolean isLocked(Account account) {
        return account.lockedUntil() != null && clock.instant().isBefore(account.lockedUntil());
    }

    public void loginFailed(String email) {
        byEmail(email.trim().toLowerCase(Locale.ROOT)).ifPresent(account -> {
            Instant now = clock.instant();
            List<Instant> recent = new ArrayList<>(account.failedLogins().stream()
                    .filter(at -> at.isAfter(now.minus(LOGIN_WINDOW))).toList());
            recent.add(now);
            Update update = new Update().set("failedLogins", recent);
            if (recent.size() >= FAILED_LOGINS) {
                update.set("lockedUntil", now.plus(LOGIN_WINDOW)).set("failedLogins", List.of());
            }
            mongo.updateFirst(byId(account.id()), update, Account.class);
        });
    }

    public void loginSucceeded(String email) {
        byEmail(email.trim().toLowerCase(Locale.ROOT)).ifPresent(account ->
                mongo.updateFirst(byId(account.id()), new Update().set("failedLogins", List.of()), Account.class));
    }

    private void mailCode(Account account, String code) {
        publisher.publish("notificationRequests-out-0", "email-verification/" + account.id(),
                "org.licensecentral.notification.mail-requested.v1", account.id(), clock.instant(),
                Map.of("template", "email-verification", "to", account.email(), "data", Map.of("code", code)));
    }

    private String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
        }
        return code.toString();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
