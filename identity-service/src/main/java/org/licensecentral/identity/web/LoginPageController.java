package org.licensecentral.identity.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The login form, drawn as Spring Security's default page draws it (with its stylesheet), but
 * saying how long to wait when a login was refused for too many failures from the address (issue
 * 15, finding 5): Spring's page reads "Invalid credentials" after every failure, so a person with
 * the right password never learnt of the wait. Every other failure still reads "Invalid
 * credentials", which tells nobody whether an address has an account.
 */
// A page for people, not an API operation.
@Hidden
@Controller
class LoginPageController {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
              <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
                <title>Please sign in</title>
                <link href="%1$s/default-ui.css" rel="stylesheet" />
              </head>
              <body>
                <div class="content">
                  <form class="login-form" method="post" action="%1$s/login">
                    <h2>Please sign in</h2>
            %2$s
                    <p>
                      <label for="username" class="screenreader">Username</label>
                      <input type="text" id="username" name="username" placeholder="Username" autocomplete="username" required autofocus>
                    </p>
                    <p>
                      <label for="password" class="screenreader">Password</label>
                      <input type="password" id="password" name="password" placeholder="Password" autocomplete="current-password" required>
                    </p>
                    <input name="%3$s" type="hidden" value="%4$s" />
                    <button type="submit" class="primary">Sign in</button>
                  </form>
                </div>
              </body>
            </html>
            """;

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String loginPage(HttpServletRequest request, CsrfToken csrf) {
        return PAGE.formatted(
                HtmlUtils.htmlEscape(request.getContextPath()),
                alert(request),
                HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()));
    }

    private static String alert(HttpServletRequest request) {
        if (request.getParameter("logout") != null) {
            return "        <div class=\"alert alert-success\" role=\"alert\">You have been signed out</div>";
        }
        if (request.getParameter("error") == null) {
            return "";
        }
        HttpSession session = request.getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        String message = failure instanceof LockedException wait ? wait.getMessage() : "Invalid credentials";
        return "        <div class=\"alert alert-danger\" role=\"alert\">" + HtmlUtils.htmlEscape(message) + "</div>";
    }
}
