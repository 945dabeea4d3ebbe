package org.licensecentral.license.web;

import java.util.Locale;

import org.springframework.security.oauth2.jwt.Jwt;

/** Who calls, from the validated token only: account id ({@code sub}) and its e-mail if verified. */
record Caller(String accountId, String verifiedEmail) {

    static Caller of(Jwt jwt) {
        boolean verified = Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified"));
        String email = jwt.getClaimAsString("email");
        return new Caller(jwt.getSubject(), verified && email != null ? email.toLowerCase(Locale.ROOT) : null);
    }
}
