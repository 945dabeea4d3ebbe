package org.licensecentral.license.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.licensecentral.license.application.AttachService;
import org.licensecentral.license.command.AttachRequest;
import org.licensecentral.license.command.LicenseKeys;
import org.licensecentral.license.query.LicenseQueries;
import org.licensecentral.license.query.LicenseView;
import org.licensecentral.support.web.Caller;
import org.licensecentral.support.web.OpenApiAutoConfiguration;
import org.licensecentral.support.web.ProblemResponse;
import org.licensecentral.support.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Attaching licenses bought under another e-mail: ask for a code at the purchase e-mail, then confirm it. */
@Tag(
        name = "Attach licenses",
        description = "Attaching licenses bought under another e-mail address: a code goes to "
                + "the purchase's address, and the caller confirms it.")
@SecurityRequirement(name = OpenApiAutoConfiguration.PORTAL_TOKEN)
@RestController
@RequestMapping("/api/v1/license-attachments")
class AttachController {

    private static final String EMAIL_NOT_VERIFIED =
            "`email-not-verified`: the caller's e-mail address is not verified yet.";

    record AttachStart(
            @Size(max = 64) String purchaseId,
            @Size(max = 40) String licenseKey) {

        @AssertTrue(message = "give either a purchaseId or a licenseKey")
        boolean isExactlyOne() {
            return (purchaseId == null || purchaseId.isBlank()) != (licenseKey == null || licenseKey.isBlank());
        }
    }

    /**
     * The same for every start, whether or not anything matched: naming the address the code went to
     * would tell that the purchase exists, and whose it is (issue 15, finding 4).
     */
    record AttachStarted(String requestId, Instant expiresAt) {}

    record Confirmation(@NotBlank @Size(max = 32) String code) {}

    /**
     * A license the confirmation attached, by what the portal names it with. Of the key only its last
     * group, as on the mails: the answer shows on screens and in tools, and the list has the whole key.
     */
    record AttachedLicense(String id, String productName, String edition, String licenseKeyEnd) {}

    record Attached(String requestId, boolean attached, List<AttachedLicense> licenses) {}

    private final AttachService attachService;
    private final LicenseQueries queries;

    AttachController(AttachService attachService, LicenseQueries queries) {
        this.attachService = attachService;
        this.queries = queries;
    }

    @Operation(
            summary = "Start an attach",
            description = "Takes a purchase id or a license key and, when it matches, sends a confirmation code to "
                    + "the purchase's e-mail address. The answer is the same whether or not anything matched, so it "
                    + "tells nobody whose a purchase is.")
    @ProblemResponse(status = 403, description = EMAIL_NOT_VERIFIED)
    @ProblemResponse(
            status = 429,
            description = "`attach-request-too-many-requests`: too many attach requests this "
                    + "hour; `Retry-After` says when to try again.")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    AttachStarted start(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AttachStart start) {
        Caller caller = verified(jwt);
        AttachService.Started started = attachService.start(
                caller.accountId(),
                caller.verifiedEmail(),
                blankToNull(start.purchaseId()),
                blankToNull(start.licenseKey()));
        return new AttachStarted(started.requestId(), started.expiresAt());
    }

    @Operation(
            summary = "Confirm an attach with its code",
            description = "Attaches the licenses of the request to the caller's account when the code is right, and "
                    + "lists them: id, product name, edition and the last group of the key, never the whole key. "
                    + "The attach itself follows within moments, so the license list may show them a little later. "
                    + "A few wrong codes lock the request.")
    @ProblemResponse(status = 403, description = EMAIL_NOT_VERIFIED)
    @ProblemResponse(status = 404, description = "`attach-request-not-found`: no such request of the caller's.")
    @ProblemResponse(
            status = 409,
            description =
                    "`attach-request-locked`: too many wrong codes; " + "`attach-request-used`: confirmed already.")
    @ProblemResponse(
            status = 410,
            description = "`attach-request-expired`: the code has expired; start again for a " + "new one.")
    @ProblemResponse(
            status = 422,
            description =
                    "`attach-code-wrong`: the code is not right (`attemptsLeft` says how " + "many tries remain).")
    @PostMapping("/{requestId}/confirm")
    Attached confirm(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String requestId,
            @Valid @RequestBody Confirmation confirmation) {
        Caller caller = verified(jwt);
        AttachRequest.Outcome outcome =
                attachService.confirm(requestId, caller.accountId(), caller.verifiedEmail(), confirmation.code());
        if (!outcome.confirmed()) {
            ProblemDetail problem = Problems.of(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "attach-code-wrong",
                    "Wrong confirmation code",
                    outcome.attemptsLeft() > 0
                            ? "The code is not right; " + outcome.attemptsLeft() + " attempts left."
                            : "The code is not right, and that was the last attempt: this request is now locked.");
            problem.setProperty("attemptsLeft", outcome.attemptsLeft());
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_ENTITY, problem, null);
        }
        return new Attached(requestId, true, describe(outcome.licenseIds()));
    }

    /**
     * The ids are the aggregate's, so the answer lists exactly what the confirmation attaches, even
     * before the read model has recorded the new owner. The names come from the read model: the
     * licenses were in it when the request was started, and product, edition and key never change.
     * Only a read model rebuilt in between lacks one; its license is still listed, by id alone.
     */
    private List<AttachedLicense> describe(List<String> licenseIds) {
        Map<String, LicenseView> views = queries.byIds(licenseIds);
        return licenseIds.stream()
                .map(id -> {
                    LicenseView view = views.get(id);
                    return view == null
                            ? new AttachedLicense(id, null, null, null)
                            : new AttachedLicense(
                                    id, view.productName(), view.edition(), LicenseKeys.lastGroup(view.licenseKey()));
                })
                .toList();
    }

    /** Licenses follow the verified e-mail, so attaching needs one too. */
    private static Caller verified(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        if (caller.verifiedEmail() == null) {
            throw Problems.exception(
                    HttpStatus.FORBIDDEN,
                    "email-not-verified",
                    "E-mail not verified",
                    "Verify your e-mail address before attaching licenses.");
        }
        return caller;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
