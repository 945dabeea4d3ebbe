package org.licensecentral.support.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers the servlet container's error dispatch (Spring Boot's {@code /error}) with problem+json
 * instead of Boot's JSON map or whitelabel page. The message of a server error is never shown:
 * it may carry internals, and it is in the log with the trace id.
 */
// @Controller so that Spring MVC maps it: since Spring 6 a type-level @RequestMapping alone is not enough.
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemDetailsErrorController implements ErrorController {

    private final ErrorAttributes errorAttributes;

    public ProblemDetailsErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Map<String, Object> attributes =
                errorAttributes.getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());
        HttpStatus status = statusOf(attributes.get("status"));
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (attributes.get("path") instanceof String path) {
            problem.setInstance(URI.create(path));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatus statusOf(Object status) {
        if (status instanceof Integer code) {
            HttpStatus resolved = HttpStatus.resolve(code);
            if (resolved != null) {
                return resolved;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
