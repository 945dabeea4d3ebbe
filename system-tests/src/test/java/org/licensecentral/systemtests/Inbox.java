package org.licensecentral.systemtests;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.licensecentral.localstack.DemoSeed;

/**
 * Someone's mailbox on the stack's mail server, read over IMAP like a mail program would (the
 * local stack's server takes any password).
 */
final class Inbox {

    private final String address;

    Inbox(String address) {
        this.address = address;
    }

    private record Mail(String subject, String text) {}

    /** How many mails whose subject starts with the prefix are there now. */
    int count(String subjectPrefix) {
        return mails(subjectPrefix).size();
    }

    /**
     * Waits for mail number {@code seenBefore + 1} whose subject starts with the prefix and
     * returns the code its text shows; a subject never carries one (issue 17).
     */
    String awaitCode(String subjectPrefix, int seenBefore) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<Mail> mails = mails(subjectPrefix);
            if (mails.size() > seenBefore) {
                String text = mails.get(mails.size() - 1).text();
                return DemoSeed.codeIn(text)
                        .orElseThrow(
                                () -> new AssertionError("no code in the mail '" + subjectPrefix + "...': " + text));
            }
            sleep(250);
        }
        throw new AssertionError("no new mail '" + subjectPrefix + "...' for " + address + " within 60 s");
    }

    private List<Mail> mails(String subjectPrefix) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("localhost", SystemStack.imapPort(), address, "any-password");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    // Message numbers follow arrival, so the list is oldest first.
                    return Arrays.stream(inbox.getMessages())
                            .filter(message -> subject(message).startsWith(subjectPrefix))
                            .map(message -> new Mail(subject(message), text(message)))
                            .toList();
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new AssertionError("cannot read the mailbox of " + address + " over IMAP", e);
        }
    }

    private static String subject(Message message) {
        try {
            return Optional.ofNullable(message.getSubject()).orElse("");
        } catch (MessagingException e) {
            return "";
        }
    }

    /** The text/plain part, however deep the multipart nesting; "" when there is none. */
    private static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return String.valueOf(part.getContent());
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = text(multipart.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new AssertionError("cannot read a mail's text", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
