package org.licensecentral.identity.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.licensecentral.support.limits.WindowCaps;
import org.licensecentral.support.messaging.CloudEventsPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Registration, e-mail verification and password reset. No answer tells whether an address is
 * registered: registering a known address, verifying with a wrong code, an unknown address or an
 * address verified before, all look the same from outside and compare one hash alike.
 *
 * <p>Each kind of mail is capped per account ({@code licensecentral.identity.mail-caps.*}, issue 15,
 * finding 8): past the cap the request is answered as before but sends nothing, so nobody can
 * flood a mailbox through the reset form, and the answer still tells nothing about the address.
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private static final String SYMBOLS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final String VERIFICATION_MAIL = "email-verification";
    private static final String RESET_MAIL = "password-reset";

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final CloudEventsPublisher publisher;
    private final FailedLogins failedLogins;
    private final WindowCaps mailCaps;
    private final CodeLimits codes;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** What a code is compared with when there is no code to compare with, so that the work is the same. */
    private final String unusableHash;

    public AccountService(
            MongoTemplate mongo,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            CloudEventsPublisher publisher,
            FailedLogins failedLogins,
            Clock clock,
            CodeLimits codes,
            MailCaps mailCaps) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.policy = policy;
        this.publisher = publisher;
        this.failedLogins = failedLogins;
        this.mailCaps = new WindowCaps(mongo, "mail_caps", mailCaps.perAccount(), mailCaps.window(), clock);
        this.codes = codes;
        this.clock = clock;
        this.unusableHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** One account per address, enforced by the database, not by a check-then-insert. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(Account.class).ensureIndex(new Index("email", Sort.Direction.ASC).unique());
    }

    /** Creates the account and mails a verification code; a known address changes nothing. */
    public void register(String email, String password) {
        String address = Account.normalizedEmail(email);
        policy.problem(password, address).ifPresent(problem -> {
            throw new AccountException(AccountException.Reason.WEAK_PASSWORD, "The password " + problem + ".");
        });
        // The hashing comes first, so a known address costs the same time as a new one.
        String code = newCode();
        Account account = new Account(
                UUID.randomUUID().toString(),
                address,
                passwords.encode(password),
                false,
                passwords.encode(code),
                clock.instant().plus(codes.lifetime()),
                0,
                null,
                null,
                0,
                clock.instant());
        if (byEmail(address).isPresent()) {
            return;
        }
        try {
            mongo.insert(account);
        } catch (DuplicateKeyException registeredMeanwhile) {
            return;
        }
        if (mailAllowed(VERIFICATION_MAIL, account)) {
            publishMail(VERIFICATION_MAIL, account, "email-verification/" + account.id(), code);
        }
    }

    /**
     * Confirms the address with the mailed code. Only the right code of an unverified account with
     * tries left passes; an unknown address, a wrong or expired code, and an account verified before
     * all fail alike, after one hash comparison each (issue 15, finding 4). The try is counted in the
     * same step that finds the account, so parallel guesses cannot share one count.
     */
    public void verify(String email, String code) {
        Account account = mongo.findAndModify(
                Query.query(Criteria.where("email")
                        .is(Account.normalizedEmail(email))
                        .and("emailVerified")
                        .is(false)
                        .and("verificationAttempts")
                        .lt(codes.attempts())
                        .and("verificationExpiresAt")
                        .gt(clock.instant())),
                new Update().inc("verificationAttempts", 1),
                FindAndModifyOptions.options().returnNew(true),
                Account.class);
        String hash = account == null || account.verificationCodeHash() == null
                ? unusableHash
                : account.verificationCodeHash();
        boolean matches = passwords.matches(code.trim().toUpperCase(Locale.ROOT), hash);
        if (account == null || !matches) {
            throw new AccountException(AccountException.Reason.VERIFICATION_FAILED);
        }
        mongo.updateFirst(
                byId(account.id()),
                new Update().set("emailVerified", true).unset("verificationCodeHash"),
                Account.class);
    }

    /**
     * Mails the signed-in account a new verification code, which replaces the one before (its tries
     * start afresh). The account is the token's subject, so unlike registration this may say that the
     * address is confirmed already, and, past the mail cap, how long until the next code can go; the
     * code mailed before then stays valid.
     */
    public void resendVerificationCode(String accountId) {
        Account account = byAccountId(accountId).orElseThrow(OwnVerificationException::expiredCode);
        if (account.emailVerified()) {
            throw OwnVerificationException.alreadyVerified();
        }
        Optional<Duration> capped = mailCap(VERIFICATION_MAIL, account);
        if (capped.isPresent()) {
            throw OwnVerificationException.mailCapped(capped.get());
        }
        String code = newCode();
        mongo.updateFirst(
                byId(account.id()).addCriteria(Criteria.where("emailVerified").is(false)),
                new Update()
                        .set("verificationCodeHash", passwords.encode(code))
                        .set("verificationExpiresAt", clock.instant().plus(codes.lifetime()))
                        .set("verificationAttempts", 0),
                Account.class);
        publishMail(
                VERIFICATION_MAIL,
                account,
                "email-verification/" + account.id() + "/" + clock.instant().toEpochMilli(),
                code);
    }

    /**
     * Confirms the signed-in account's address with its code, and says what went wrong when it
     * does not: a wrong code (with the tries left), an expired or used-up one, an address confirmed
     * before. The try is counted in the step that reads the account, as in {@link #verify}.
     */
    public void verifyOwnAddress(String accountId, String code) {
        Account account = mongo.findAndModify(
                byId(accountId).addCriteria(Criteria.where("emailVerified").is(false)),
                new Update().inc("verificationAttempts", 1),
                FindAndModifyOptions.options().returnNew(true),
                Account.class);
        if (account == null) {
            throw byAccountId(accountId).isPresent()
                    ? OwnVerificationException.alreadyVerified()
                    : OwnVerificationException.expiredCode();
        }
        if (account.verificationCodeHash() == null
                || account.verificationAttempts() > codes.attempts()
                || !clock.instant().isBefore(account.verificationExpiresAt())) {
            throw OwnVerificationException.expiredCode();
        }
        if (!passwords.matches(code.trim().toUpperCase(Locale.ROOT), account.verificationCodeHash())) {
            throw OwnVerificationException.wrongCode(codes.attempts() - account.verificationAttempts());
        }
        mongo.updateFirst(
                byId(account.id()),
                new Update().set("emailVerified", true).unset("verificationCodeHash"),
                Account.class);
    }

    /** Mails a reset code to a registered address; any other address gets the same answer and no mail. */
    public void requestPasswordReset(String email) {
        String code = newCode();
        String hash = passwords.encode(code);
        byEmail(Account.normalizedEmail(email)).ifPresent(account -> {
            if (!mailAllowed(RESET_MAIL, account)) {
                // The code mailed before stays valid: a flood of requests must not void it either.
                return;
            }
            mongo.updateFirst(
                    byId(account.id()),
                    new Update()
                            .set("resetCodeHash", hash)
                            .set("resetExpiresAt", clock.instant().plus(codes.lifetime()))
                            .set("resetAttempts", 0),
                    Account.class);
            publishMail(
                    RESET_MAIL,
                    account,
                    "password-reset/" + account.id() + "/" + clock.instant().toEpochMilli(),
                    code);
        });
    }

    /**
     * Sets a new password with the mailed code; every client address's login wait is lifted, the
     * code used up. The code proves the mailbox as well as a verification code does, so the address
     * counts as verified: this is also the way back for an account whose verification code expired,
     * and it takes an address back from anyone who registered it without owning it.
     */
    public void resetPassword(String email, String code, String newPassword) {
        String address = Account.normalizedEmail(email);
        policy.problem(newPassword, address).ifPresent(problem -> {
            throw new AccountException(AccountException.Reason.WEAK_PASSWORD, "The password " + problem + ".");
        });
        Account account =
                byEmail(address).orElseThrow(() -> new AccountException(AccountException.Reason.RESET_FAILED));
        if (account.resetCodeHash() == null
                || account.resetAttempts() >= codes.attempts()
                || clock.instant().isAfter(account.resetExpiresAt())) {
            throw new AccountException(AccountException.Reason.RESET_FAILED);
        }
        if (!passwords.matches(code.trim().toUpperCase(Locale.ROOT), account.resetCodeHash())) {
            mongo.updateFirst(byId(account.id()), new Update().inc("resetAttempts", 1), Account.class);
            throw new AccountException(AccountException.Reason.RESET_FAILED);
        }
        mongo.updateFirst(
                byId(account.id()),
                new Update()
                        .set("passwordHash", passwords.encode(newPassword))
                        .set("emailVerified", true)
                        .unset("verificationCodeHash")
                        .unset("resetCodeHash"),
                Account.class);
        failedLogins.clear(account.email());
    }

    public Optional<Account> byAccountId(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, Account.class));
    }

    public Optional<Account> byEmail(String email) {
        return Optional.ofNullable(
                mongo.findOne(Query.query(Criteria.where("email").is(email)), Account.class));
    }

    private boolean mailAllowed(String template, Account account) {
        return mailCap(template, account).isEmpty();
    }

    /** Counts one mail of the kind against the account's cap: empty when it may go, else how long until it may. */
    private Optional<Duration> mailCap(String template, Account account) {
        Optional<Duration> capped = mailCaps.tryAcquire(template + "/" + account.id());
        capped.ifPresent(wait -> log.info("{} mails to account {} capped for {}", template, account.id(), wait));
        return capped;
    }

    private void publishMail(String template, Account account, String id, String code) {
        publisher.publish(
                "notificationRequests-out-0",
                id,
                "org.licensecentral.notification.mail-requested.v1",
                account.id(),
                clock.instant(),
                Map.of("template", template, "to", account.email(), "data", Map.of("code", code)));
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
