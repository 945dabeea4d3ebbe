package org.licensecentral.identity.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.licensecentral.identity.account.AccountService;
import org.licensecentral.identity.account.OwnVerificationException;
import org.licensecentral.support.web.ProblemResponse;
import org.licensecentral.support.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in account confirms its own address: the portal's banner for an unverified address
 * (issue 16). The account is the bearer token's subject, so these answers may say what went wrong
 * (a wrong code and the tries left, an expired code, the wait for the next mail), which the public
 * {@code /api/v1/accounts/verification} may not.
 */
@Tag(
        name = "Own account",
        description = "The signed-in account's e-mail verification: a new code, and the code from the mail.")
@RestController
@RequestMapping("/api/v1/account")
class OwnVerificationController {

    record OwnVerification(@NotBlank @Size(max = 32) String code) {}

    private final AccountService accounts;

    OwnVerificationController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(
            summary = "Send a new verification code",
            description = "Mails the signed-in account a new code for its e-mail address; the code before is void. A "
                    + "few codes per hour at most: past that, 429 with Retry-After, and the code sent last still "
                    + "works.")
    @ProblemResponse(status = 409, description = "`already-verified`: the address is confirmed already.")
    @ProblemResponse(
            status = 429,
            description = "`verification-mail-wait`: the account had its codes of this hour; `Retry-After` says "
                    + "how many seconds until the next can go.")
    @PostMapping("/verification-code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> resendCode(@AuthenticationPrincipal Jwt caller) {
        accounts.resendVerificationCode(caller.getSubject());
        return Map.of("message", "A new code is on its way to your e-mail address.");
    }

    @Operation(
            summary = "Confirm the e-mail address with its code",
            description = "Confirms the signed-in account's address with the code mailed to it. Tokens issued from "
                    + "then on (a refresh included) say email_verified: true.")
    @ProblemResponse(
            status = 400,
            description = "`verification-code-wrong`: not the code mailed (`attemptsLeft` says how many tries "
                    + "remain); `verification-code-expired`: its lifetime or its tries are over, a new code is "
                    + "needed.")
    @ProblemResponse(status = 409, description = "`already-verified`: the address is confirmed already.")
    @PostMapping("/verification")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verify(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody OwnVerification verification) {
        accounts.verifyOwnAddress(caller.getSubject(), verification.code());
    }

    @ExceptionHandler(OwnVerificationException.class)
    ResponseEntity<ProblemDetail> refused(OwnVerificationException e) {
        return switch (e.reason()) {
            case WRONG_CODE -> {
                ProblemDetail problem = Problems.of(
                        HttpStatus.BAD_REQUEST, "verification-code-wrong", "Wrong verification code", e.getMessage());
                problem.setProperty("attemptsLeft", e.attemptsLeft());
                yield ResponseEntity.badRequest().body(problem);
            }
            case EXPIRED_CODE ->
                ResponseEntity.badRequest()
                        .body(Problems.of(
                                HttpStatus.BAD_REQUEST,
                                "verification-code-expired",
                                "Verification code expired",
                                e.getMessage()));
            case ALREADY_VERIFIED ->
                ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(Problems.of(
                                HttpStatus.CONFLICT, "already-verified", "Address already verified", e.getMessage()));
            case MAIL_CAPPED ->
                ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, Problems.retryAfter(e.retryAfter()))
                        .body(Problems.of(
                                HttpStatus.TOO_MANY_REQUESTS,
                                "verification-mail-wait",
                                "Too many verification mails",
                                e.getMessage()));
        };
    }
}
