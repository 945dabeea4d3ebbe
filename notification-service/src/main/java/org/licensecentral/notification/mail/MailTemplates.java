package org.licensecentral.notification.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Renders a mail from {@code resources/mail/<template>.txt} and {@code .html} with Thymeleaf, the
 * one template engine of the service: both parts from one model, the request's {@code data}, the
 * {@code site} ({@link MailProperties}) and {@code fmt} ({@link MailFormat}: dates, key ends,
 * portal and store links). The text template's first line is {@code Subject: ...}; a subject never
 * carries a code, which would then show in every inbox list and notification. The HTML part is
 * escaped by the engine; the text part is wrapped at 72 columns ({@link PlainText}). What every
 * mail ends with is {@code mail/fragments/footer}, which no request can name as its template.
 */
@Component
public class MailTemplates {

    /** The templates there are; a request for another one is rejected, not retried. */
    public static final Set<String> NAMES = Set.of(
            "attach-code",
            "licenses-attached",
            "licenses-attached-away",
            // One mail per license, as license-service asked before issue 17; kept for the
            // requests of that time still on the topic or in its dead letters.
            "license-attached",
            "license-attached-away",
            "email-verification",
            "password-reset",
            "machine-activated",
            "maintenance-ending",
            "maintenance-ended");

    public record RenderedMail(String subject, String text, String html) {}

    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final MailProperties site;
    private final MailFormat format;

    public MailTemplates(MailProperties site) {
        this.site = site;
        this.format = new MailFormat(site);
    }

    public RenderedMail render(String template, Map<String, Object> data) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("data", data);
        variables.put("site", site);
        variables.put("fmt", format);
        Context context = new Context(Locale.ENGLISH, variables);
        String rendered = text.process(template, context);
        int endOfSubject = rendered.indexOf('\n');
        String subjectLine = rendered.substring(0, endOfSubject).trim();
        if (!subjectLine.startsWith("Subject:")) {
            throw new IllegalStateException("mail/" + template + ".txt must start with a Subject: line");
        }
        return new RenderedMail(
                subjectLine.substring("Subject:".length()).trim(),
                PlainText.wrap(rendered.substring(endOfSubject + 1)),
                html.process(template, context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
