package org.licensecentral.support.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own error answers as problem+json. Tomcat refuses some requests before any servlet sees
 * them (a {@code [} in the query, an encoded slash, a malformed header) and its ErrorReportValve
 * writes an HTML page for them; this valve takes its place in the host, so those answers have the
 * same format as every other error (issue 15, finding 11). What Spring answered itself has a body
 * already and is left alone. Tomcat's message is not shown: it echoes the request target.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    private final ObjectMapper json;

    public ProblemJsonErrorReportValve(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(resolved != null ? resolved : HttpStatus.BAD_REQUEST);
        problem.setDetail(
                status < 500
                        ? "The request could not be read as HTTP that this service accepts."
                        : "The service could not answer; the failure is in its log.");
        try {
            byte[] body = json.writeValueAsBytes(problem);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            out.flush();
        } catch (IOException | IllegalStateException clientGone) {
            // The connection is closed or the response was already taken; nothing more to tell.
        }
    }
}
