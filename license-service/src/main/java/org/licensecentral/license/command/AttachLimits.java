package org.licensecentral.license.command;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licensecentral.attach}: how many attach requests an account may start an hour, and how
 * many attach-code mails one purchase e-mail gets an hour, however many accounts ask (issue 15,
 * finding 8: the purchase e-mail is not the requester's, so without a cap of its own anyone could
 * flood it).
 */
@ConfigurationProperties("licensecentral.attach")
public record AttachLimits(int requestsPerAccountPerHour, int codeMailsPerRecipientPerHour) {
}
