package org.licensecentral.support.web;

import java.util.Locale;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who calls, from the validated token only: the account id ({@code sub}) and its e-mail if
 * verified (lower case), since licenses follow the verified e-mail; never from a header or a
 * parameter a client could set.
 */
public record Caller(String accountId, String verifiedEmail) {

    public static Caller of(Jwt jwt) {
        boolean verified = Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified"));
        String email = jwt.getClaimAsString("email");
        return new Caller(jwt.getSubject(), verified && email != null ? email.toLowerCase(Locale.ROOT) : null);
    }
}
