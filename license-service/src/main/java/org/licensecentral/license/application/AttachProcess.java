package org.licensecentral.license.application;

import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.licensecentral.license.api.AttachLicenseCommand;
import org.licensecentral.license.api.AttachRequestConfirmedEvent;
import org.licensecentral.license.api.LicenseAttachedEvent;
import org.licensecentral.license.query.LicenseProjection;

import org.springframework.stereotype.Component;

/**
 * What follows a confirmed attach request: each of its licenses is attached to the account, and
 * the previous holder and the new owner are told by mail. It runs in the service's tracking
 * processor, so a crash in between is resumed, and every step is idempotent: attaching to the
 * current owner records nothing, and each mail's id is derived from the event it announces.
 */
@Component
@ProcessingGroup(LicenseProjection.PROCESSING_GROUP)
class AttachProcess {

    private final CommandGateway commandGateway;
    private final MailSender mail;

    AttachProcess(CommandGateway commandGateway, MailSender mail) {
        this.commandGateway = commandGateway;
        this.mail = mail;
    }

    @EventHandler
    void on(AttachRequestConfirmedEvent event) {
        for (String licenseId : event.licenseIds()) {
            commandGateway.sendAndWait(new AttachLicenseCommand(licenseId, event.toAccount(), event.toEmail()));
        }
    }

    @EventHandler
    void on(LicenseAttachedEvent event, EventMessage<?> message) {
        Map<String, Object> data = Map.of("licenseId", event.licenseId());
        if (event.fromEmail() != null && !event.fromEmail().equals(event.toEmail())) {
            mail.send(
                    message.getIdentifier() + "/license-attached-away",
                    "license-attached-away",
                    event.fromEmail(),
                    data);
        }
        if (event.toEmail() != null) {
            mail.send(message.getIdentifier() + "/license-attached", "license-attached", event.toEmail(), data);
        }
    }
}
