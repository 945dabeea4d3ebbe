package org.licensecentral.notification.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * How a mail says dates, keys and links, for both parts of every template ({@code fmt} in them).
 * The recipient's time zone is unknown: a date is a calendar date ("14 March 2027"), a moment is
 * said in UTC with the zone named. A license key shows only its last group ("…-R3RR9"): enough to
 * tell one license from another, and no use to anyone who reads the mail over a shoulder. Links
 * open the portal page a mail is about by the portal's URL state (gateway's {@code url-state.js}):
 * {@code ?q=} filters the license list, and the license key is one of the fields it searches.
 */
public final class MailFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final String portalUrl;
    private final String storeUrl;

    MailFormat(MailProperties site) {
        this.portalUrl = withoutTrailingSlash(site.portalUrl());
        this.storeUrl = site.storeUrl();
    }

    /**
     * "14 March 2027" for a date, or for the UTC date of a moment; a date given as text is parsed
     * first. Text that is no date is shown as it came: a mail with one odd value still goes out.
     */
    public String date(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof Instant instant) {
            return DATE.format(instant.atOffset(ZoneOffset.UTC));
        }
        String text = value.toString();
        try {
            return DATE.format(LocalDate.parse(text));
        } catch (DateTimeParseException notADate) {
            return moment(text).map(DATE::format).orElse(text);
        }
    }

    /** "27 November 2026 at 12:30 UTC"; text that is no moment is shown as it came. */
    public String dateTime(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return inWords(instant.atOffset(ZoneOffset.UTC));
        }
        return moment(value.toString()).map(MailFormat::inWords).orElse(value.toString());
    }

    /** "Backup Server": the product with its edition, or the product alone when the edition is not known. */
    public String name(Object product, Object edition) {
        String name = product == null ? "" : product.toString();
        return edition == null || edition.toString().isBlank() ? name : name + " " + edition;
    }

    /** "…-R3RR9": the last group of a license key, or the group itself when that is all a request carries. */
    public String keyEnd(Object key) {
        return key == null ? "" : "…-" + lastGroup(key.toString());
    }

    /** The portal's license list showing this one license. */
    public String licenseLink(Object key) {
        return key == null
                ? portal()
                : portalUrl + "/?q=" + URLEncoder.encode(lastGroup(key.toString()), StandardCharsets.UTF_8);
    }

    /** The portal's activations tab. */
    public String activationsLink() {
        return portalUrl + "/?tab=activations";
    }

    /** The portal's start page: the license list. */
    public String portal() {
        return portalUrl + "/";
    }

    /** Where a renewal is bought. */
    public String store() {
        return storeUrl;
    }

    private static String lastGroup(String key) {
        return key.substring(key.lastIndexOf('-') + 1).trim();
    }

    private static Optional<OffsetDateTime> moment(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notAMoment) {
            return Optional.empty();
        }
    }

    private static String inWords(OffsetDateTime utc) {
        return DATE.format(utc) + " at " + TIME.format(utc) + " UTC";
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
