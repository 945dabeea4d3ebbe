package org.licensecentral.identity.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.licensecentral.identity.account.ThrottledLoginPage;
import org.licensecentral.support.web.Problems;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The page a browser's login form gets when the per-address throttle refuses it
 * ({@code templates/too-many-logins.html}, the login page's look): how many minutes to wait, counted
 * as the login page counts a wait, and the way back to the sign-in page and the portal. It is
 * drawn by the throttle, before Spring MVC, so it renders the template itself.
 */
@Component
class TooManyLoginsPage implements ThrottledLoginPage {

    private final ITemplateEngine templates;
    private final LoginPages links;

    TooManyLoginsPage(ITemplateEngine templates, LoginPages links) {
        this.templates = templates;
        this.links = links;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        // Counted from the Retry-After seconds, so that the page and the header never disagree by a minute.
        long minutes = LoginFailureHandler.minutesLeft(Duration.ofSeconds(Long.parseLong(Problems.retryAfter(wait))));
        WebContext context = new WebContext(
                JakartaServletWebApplication.buildApplication(request.getServletContext())
                        .buildExchange(request, response),
                Locale.ENGLISH,
                Map.of(
                        "wait",
                        "Too many failed sign-ins from this address. Try again in " + minutes
                                + (minutes == 1 ? " minute." : " minutes."),
                        "portalUrl",
                        links.portalUrl()));
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        templates.process("too-many-logins", context, response.getWriter());
    }
}
