package org.licensecentral.identity.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page ({@code templates/login.html}), in the portal's look, server-rendered so that it
 * works without JavaScript (issue 16). The login name is the e-mail address; the form field keeps
 * Spring Security's name {@code username}, so form clients need no change. After a refused login
 * it shows what {@link LoginFailureHandler} made of the failure; the links lead back to the
 * portal, to its account creation and to its password reset ({@link LoginPages}).
 *
 * <p>Two-factor sign-in is not here yet: it would be a second page after this one's password step
 * (see the README's "Login pages").
 */
// A page for people, not an API operation.
@Hidden
@Controller
class LoginPageController {

    private final LoginPages links;

    LoginPageController(LoginPages links) {
        this.links = links;
    }

    /**
     * The template reads plain values: the links, whether to say "signed out", and after a refused
     * login its message ({@code error}) and the address typed ({@code email}, to fill in again).
     */
    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String loginPage(HttpServletRequest request, Model model) {
        model.addAttribute("portalUrl", links.portalUrl());
        model.addAttribute("registerUrl", links.registerUrl());
        model.addAttribute("passwordResetUrl", links.passwordResetUrl());
        model.addAttribute("signedOut", request.getParameter("logout") != null);
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(LoginFailureHandler.FAILURE);
            LoginFailureHandler.LoginFailure shown = failure instanceof LoginFailureHandler.LoginFailure known
                    ? known
                    : new LoginFailureHandler.LoginFailure(LoginFailureHandler.FAILED, "");
            model.addAttribute("error", shown.message());
            model.addAttribute("email", shown.email());
        }
        return "login";
    }
}
