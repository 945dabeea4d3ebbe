package org.licensecentral.support.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem+json answer an operation can give, for its OpenAPI description: the status and, in
 * the words a client needs, when it happens and which {@code type} it carries. Several with one
 * status are listed together. The responses every operation of a kind shares (400, 401, 403) are
 * added by {@link OpenApiAutoConfiguration}; annotate the operation's own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

    int status();

    String description();

    /** The container Java needs for a repeated annotation. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ProblemResponse[] value();
    }
}
