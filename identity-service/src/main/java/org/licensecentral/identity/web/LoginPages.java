package org.licensecentral.identity.web;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the login page's links lead ({@code licensecentral.identity.login-page}): the portal, and
 * its screens for creating an account and resetting a password. Those flows run in the portal
 * through the account API, which the gateway rate-limits per address; the page links to them
 * rather than offering a second way to do the same (issue 16).
 *
 * @param portalUrl the portal's start page, "Back to License Central"
 * @param registerUrl the portal's "Create an account"
 * @param passwordResetUrl the portal's "Forgot your password?"
 */
@Validated
@ConfigurationProperties("licensecentral.identity.login-page")
record LoginPages(
        @NotNull URI portalUrl,
        @NotNull URI registerUrl,
        @NotNull URI passwordResetUrl) {}
