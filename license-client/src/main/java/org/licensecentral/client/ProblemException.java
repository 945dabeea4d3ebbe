package org.licensecentral.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * License Central refused a call with an RFC 9457 problem. {@link #name()} is the last part of its
 * {@code type} ({@code no-free-seat}, {@code activation-revoked}, ...), the protocol's name for the
 * refusal; {@link #properties()} holds the problem's extra members, e.g. {@code heldBy},
 * {@code reason}, {@code newestAllowedVersion}.
 */
public final class ProblemException extends LicenseClientException {

    /** The base of every License Central problem type. */
    public static final String TYPE_BASE = "https://licensecentral.org/problems/";

    private final String type;
    private final int status;
    private final String title;
    private final String detail;
    private final Map<String, Object> properties;
    private final Duration retryAfter;

    public ProblemException(
            String type, int status, String title, String detail, Map<String, Object> properties, Duration retryAfter) {
        super(status + " " + nameOf(type) + (detail == null ? "" : ": " + detail));
        this.type = type;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.properties = Map.copyOf(properties);
        this.retryAfter = retryAfter;
    }

    /** The problem's {@code type} URI; {@code about:blank} for an answer that was no problem document. */
    public String type() {
        return type;
    }

    /** The problem type's name: the {@code type} without {@link #TYPE_BASE}. */
    public String name() {
        return nameOf(type);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** The extra members; a member whose value was JSON null is absent. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** From the {@code Retry-After} header of a 429. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String nameOf(String type) {
        return type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : type;
    }
}
