package org.licensecentral.notification.api;

import java.util.Map;

/**
 * A mail asked for on {@code notification.requests}
 * ({@code docs/events/org.licensecentral.notification.mail-requested.v1.schema.json}): the
 * template, the address, and the values the template shows.
 */
public record MailRequested(String template, String to, Map<String, Object> data) {}
