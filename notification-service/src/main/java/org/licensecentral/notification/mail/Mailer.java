package org.licensecentral.notification.mail;

import java.io.UnsupportedEncodingException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends a rendered mail over SMTP as multipart/alternative: the plain text and the HTML part. */
@Component
public class Mailer {

    private final JavaMailSender sender;
    private final MailProperties site;

    public Mailer(JavaMailSender sender, MailProperties site) {
        this.sender = sender;
        this.site = site;
    }

    /** Returns when the SMTP server accepted the mail; throws Spring's MailException when it did not. */
    public void send(String to, MailTemplates.RenderedMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(site.from(), site.productName());
            helper.setTo(to);
            helper.setReplyTo(site.supportAddress());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
    }
}
