package org.licensecentral.license.api;

/**
 * What {@link AttachLicenseCommand} answers: whom the license was taken from ({@code fromEmail},
 * the holder before the account it now belongs to), so that the process that attached it can tell
 * each previous holder once about all the licenses of one confirmation. The answer is the same
 * when the command is handled again and records nothing, as after a crash between the attach and
 * its mails.
 */
public record AttachLicenseResponse(String licenseId, String fromEmail) {}
