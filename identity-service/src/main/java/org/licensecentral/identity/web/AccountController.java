package org.licensecentral.identity.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.licensecentral.identity.account.AccountException;
import org.licensecentral.identity.account.AccountService;
import org.licensecentral.support.web.ProblemResponse;
import org.licensecentral.support.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registering an account, verifying its e-mail address and resetting its password; login itself is the OIDC flow. */
@Tag(
        name = "Accounts",
        description = "Registering an account, verifying its e-mail address and resetting its "
                + "password, without a login.")
@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

    record Registration(
            @EmailAddress String email,
            @NotBlank @Size(max = 128) String password) {}

    record Verification(
            @EmailAddress String email,
            @NotBlank @Size(max = 32) String code) {}

    record ResetRequest(@EmailAddress String email) {}

    record Reset(
            @EmailAddress String email,
            @NotBlank @Size(max = 32) String code,
            @NotBlank @Size(max = 128) String newPassword) {}

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The same answer whether the address was new or known: registration does not reveal accounts. */
    @Operation(
            summary = "Register an account",
            description = "Creates an account for the e-mail address and sends a verification code to it. The answer "
                    + "is the same for a known address, so registering tells nobody who has an account.")
    @ProblemResponse(
            status = 400,
            description = "`weak-password`: the password does not meet the password policy " + "(`detail` says how).")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> register(@Valid @RequestBody Registration registration) {
        accounts.register(registration.email(), registration.password());
        return Map.of("message", "If this address can be registered, a verification code is on its way to it.");
    }

    @Operation(
            summary = "Verify an e-mail address",
            description = "Confirms the address with the code mailed to it; licenses bought with it then show in the "
                    + "account.")
    @ProblemResponse(
            status = 400,
            description = "`verification-failed`: no account waits for this code at this "
                    + "address, or the code is wrong or expired.")
    @PostMapping("/verification")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verify(@Valid @RequestBody Verification verification) {
        accounts.verify(verification.email(), verification.code());
    }

    @Operation(
            summary = "Ask for a password reset",
            description = "Sends a reset code to the address if it has an account; the answer is the same either way.")
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> requestPasswordReset(@Valid @RequestBody ResetRequest request) {
        accounts.requestPasswordReset(request.email());
        return Map.of("message", "If this address has an account, a reset code is on its way to it.");
    }

    @Operation(
            summary = "Reset a password with its code",
            description = "Sets a new password with the code mailed to the address.")
    @ProblemResponse(
            status = 400,
            description = "`reset-failed`: the code is wrong or expired; `weak-password`: the "
                    + "new password does not meet the password policy (`detail` says how).")
    @PostMapping("/password-reset/confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@Valid @RequestBody Reset reset) {
        accounts.resetPassword(reset.email(), reset.code(), reset.newPassword());
    }

    @ExceptionHandler(AccountException.class)
    ProblemDetail accountProblem(AccountException e) {
        return switch (e.reason()) {
            case WEAK_PASSWORD -> Problems.of(HttpStatus.BAD_REQUEST, "weak-password", "Weak password", e.getMessage());
            case VERIFICATION_FAILED ->
                Problems.of(HttpStatus.BAD_REQUEST, "verification-failed", "Verification failed", e.getMessage());
            case RESET_FAILED ->
                Problems.of(HttpStatus.BAD_REQUEST, "reset-failed", "Password reset failed", e.getMessage());
        };
    }
}
