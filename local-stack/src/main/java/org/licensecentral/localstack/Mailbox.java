package org.licensecentral.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's mail server: GreenMail with SMTP, IMAP and POP3 on fixed ports (any user name,
 * any password: a mailbox is the address it was sent to), a small web page that lists and shows
 * what arrived, and persistence under {@code .local/mail}: every message is written there as
 * {@code <address>/INBOX/*.eml} within seconds of arriving, and preloaded at the next start.
 */
final class Mailbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

    private final GreenMail greenMail;
    private final HttpServer web;
    private final Path directory;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mailbox-saver");
        thread.setDaemon(true);
        return thread;
    });

    private Mailbox(GreenMail greenMail, HttpServer web, Path directory) {
        this.greenMail = greenMail;
        this.web = web;
        this.directory = directory;
    }

    static Mailbox start(StackConfig config) {
        Path directory = config.dataDir().resolve("mail");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(config.port("smtp"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(config.port("imap"), "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(config.port("pop3"), "127.0.0.1", ServerSetup.PROTOCOL_POP3),
        });
        greenMail.withConfiguration(
                GreenMailConfiguration.aConfig().withDisabledAuthentication().withPreloadDir(directory.toString()));
        greenMail.start();
        HttpServer web;
        try {
            web = HttpServer.create(new InetSocketAddress("127.0.0.1", config.port("mailbox-web")), 0);
        } catch (IOException e) {
            greenMail.stop();
            throw new UncheckedIOException("cannot open the mailbox web page", e);
        }
        Mailbox mailbox = new Mailbox(greenMail, web, directory);
        web.createContext("/", mailbox::serve);
        web.start();
        mailbox.saver.scheduleWithFixedDelay(mailbox::save, 2, 2, TimeUnit.SECONDS);
        return mailbox;
    }

    /** The text part of the newest mail to the address, waiting for it up to the timeout. */
    Optional<String> awaitText(String address, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Mail mail : all()) {
                if (mail.to().equalsIgnoreCase(address)) {
                    try {
                        return Optional.ofNullable(textOf(mail.stored().getMimeMessage()));
                    } catch (MessagingException | IOException e) {
                        return Optional.empty();
                    }
                }
            }
            ServiceProcess.sleep(250);
        }
        return Optional.empty();
    }

    int count() {
        return all().size();
    }

    @Override
    public void close() {
        saver.shutdownNow();
        save();
        web.stop(0);
        greenMail.stop();
    }

    private record Mail(String to, StoredMessage stored) {}

    private List<Mail> all() {
        List<Mail> mails = new ArrayList<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            try {
                greenMail
                        .getManagers()
                        .getImapHostManager()
                        .getInbox(user)
                        .getMessages()
                        .forEach(stored -> mails.add(new Mail(user.getEmail(), stored)));
            } catch (FolderException e) {
                log.warn("cannot read the inbox of {}", user.getEmail(), e);
            }
        }
        mails.sort(Comparator.comparing((Mail mail) -> mail.stored().getReceivedDate())
                .reversed());
        return mails;
    }

    /** Writes each message not yet on disk; the name comes from its Message-ID, so a reload writes nothing twice. */
    private synchronized void save() {
        for (Mail mail : all()) {
            try {
                MimeMessage message = mail.stored().getMimeMessage();
                String id = message.getMessageID() != null
                        ? message.getMessageID()
                        : message.getSubject() + message.getSentDate();
                Path file = directory.resolve(mail.to()).resolve("INBOX").resolve(sha256(id) + ".eml");
                if (!Files.exists(file)) {
                    Files.createDirectories(file.getParent());
                    try (OutputStream out = Files.newOutputStream(file)) {
                        message.writeTo(out);
                    }
                }
            } catch (IOException | MessagingException e) {
                log.warn("cannot save a message for {}", mail.to(), e);
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<Mail> mails = all();
            String path = exchange.getRequestURI().getPath();
            String html;
            int status = 200;
            if (path.equals("/")) {
                html = list(mails);
            } else if (path.matches("/messages/\\d+") && Integer.parseInt(path.substring(10)) < mails.size()) {
                html = show(mails.get(Integer.parseInt(path.substring(10))));
            } else {
                status = 404;
                html = page("Not found", "<p>No such message. <a href=\"/\">All messages</a></p>");
            }
            byte[] body = html.getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders()
                    .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (MessagingException e) {
            throw new IOException(e);
        }
    }

    private static String list(List<Mail> mails) throws MessagingException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < mails.size(); i++) {
            MimeMessage message = mails.get(i).stored().getMimeMessage();
            rows.append("<tr><td>")
                    .append(escape(String.valueOf(mails.get(i).stored().getReceivedDate())))
                    .append("</td><td>")
                    .append(escape(mails.get(i).to()))
                    .append("</td><td><a href=\"/messages/")
                    .append(i)
                    .append("\">")
                    .append(escape(String.valueOf(message.getSubject())))
                    .append("</a></td></tr>");
        }
        return page(
                "Mailbox (" + mails.size() + ")",
                mails.isEmpty()
                        ? "<p>No mail yet. Everything License Central sends locally arrives here.</p>"
                        : "<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>" + rows
                                + "</tbody></table>");
    }

    private static String show(Mail mail) throws MessagingException, IOException {
        MimeMessage message = mail.stored().getMimeMessage();
        String text = textOf(message);
        return page(
                String.valueOf(message.getSubject()),
                "<p><a href=\"/\">All messages</a></p><dl><dt>To</dt><dd>" + escape(mail.to())
                        + "</dd><dt>From</dt><dd>" + escape(String.valueOf(List.of(message.getFrom())))
                        + "</dd><dt>Received</dt><dd>"
                        + escape(String.valueOf(mail.stored().getReceivedDate()))
                        + "</dd></dl><pre>" + escape(text == null ? "(no text part)" : text) + "</pre>");
    }

    /** The plain-text part a person reads; HTML parts are shown as their source, never rendered. */
    private static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String fallback = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = textOf(multipart.getBodyPart(i));
                if (text != null && multipart.getBodyPart(i).isMimeType("text/plain")) {
                    return text;
                }
                fallback = fallback == null ? text : fallback;
            }
            return fallback;
        }
        return part.isMimeType("text/*") ? String.valueOf(part.getContent()) : null;
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " · License Central mailbox</title><style>body{font-family:sans-serif;margin:2rem;max-width:60rem}"
                + "td,th{padding:.3rem .8rem;text-align:left;border-bottom:1px solid #ddd}pre{white-space:pre-wrap;"
                + "background:#f6f6f6;padding:1rem}</style></head><body><h1>" + escape(title) + "</h1>" + body
                + "</body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
