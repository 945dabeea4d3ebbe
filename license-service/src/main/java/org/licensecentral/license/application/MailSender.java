package org.licensecentral.license.application;

import java.util.Map;

/**
 * The mails the attach use cases ask for, as this package needs them: messaging implements it on
 * {@code notification.requests}. The use cases own the interface so that they do not depend on
 * messaging, which calls into them ({@code store.purchases}); the two would otherwise form a cycle.
 */
public interface MailSender {

    /** {@code id} deduplicates: the same id never mails twice. {@code data} fills the template's placeholders. */
    void send(String id, String template, String to, Map<String, Object> data);
}
