package org.licensecentral.identity.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.licensecentral.support.validation.NoControlCharacters;

/**
 * An e-mail address the account API takes. The address goes into mails and pages, so it must not
 * carry control characters (issue 15, finding 9): {@code @Email} refuses a line break, but lets C1
 * controls such as U+0085 (next line) through in the local part.
 */
@NotBlank
@Email
@Size(max = 254)
@NoControlCharacters
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface EmailAddress {

    String message() default "must be an e-mail address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
