package org.licensecentral.systemtests;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Someone's mailbox on the stack's mail server, read over IMAP like a mail program would (the
 * local stack's server takes any password).
 */
final class Inbox {

    private final String address;

    Inbox(String address) {
        this.address = address;
    }

    /** How many mails whose subject starts with the prefix are there now. */
    int count(String subjectPrefix) {
        return subjects(subjectPrefix).size();
    }

    /**
     * Waits for mail number {@code seenBefore + 1} whose subject starts with the prefix and
     * returns the code the subject ends with (the confirmation mails put it there).
     */
    String awaitCode(String subjectPrefix, int seenBefore) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> subjects = subjects(subjectPrefix);
            if (subjects.size() > seenBefore) {
                String newest = subjects.get(subjects.size() - 1);
                return newest.substring(newest.lastIndexOf(' ') + 1);
            }
            sleep(250);
        }
        throw new AssertionError("no new mail '" + subjectPrefix + "...' for " + address + " within 60 s");
    }

    private List<String> subjects(String subjectPrefix) {
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
                            .map(Inbox::subject)
                            .filter(subject -> subject.startsWith(subjectPrefix))
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
