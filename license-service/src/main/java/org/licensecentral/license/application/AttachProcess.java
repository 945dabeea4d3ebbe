package org.licensecentral.license.application;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.licensecentral.license.api.AttachLicenseCommand;
import org.licensecentral.license.api.AttachLicenseResponse;
import org.licensecentral.license.api.AttachRequestConfirmedEvent;
import org.licensecentral.license.command.LicenseKeys;
import org.licensecentral.license.query.LicenseProjection;
import org.licensecentral.license.query.LicenseQueries;
import org.licensecentral.license.query.LicenseView;

import org.springframework.stereotype.Component;

/**
 * What follows a confirmed attach request: each of its licenses is attached to the account, and
 * the new owner and each previous holder get one mail listing the licenses of the request, not
 * one per license (issue 17). It runs in the service's tracking processor, so a crash in between
 * is resumed, and every step is idempotent: attaching to the current owner records nothing and
 * answers the same previous holder, and each mail's id is derived from the confirmation.
 */
@Component
@ProcessingGroup(LicenseProjection.PROCESSING_GROUP)
class AttachProcess {

    private final CommandGateway commandGateway;
    private final LicenseQueries queries;
    private final MailSender mail;

    AttachProcess(CommandGateway commandGateway, LicenseQueries queries, MailSender mail) {
        this.commandGateway = commandGateway;
        this.queries = queries;
        this.mail = mail;
    }

    @EventHandler
    void on(AttachRequestConfirmedEvent event, EventMessage<?> message) {
        Map<String, List<String>> takenFrom = new LinkedHashMap<>();
        for (String licenseId : event.licenseIds()) {
            AttachLicenseResponse attached =
                    commandGateway.sendAndWait(new AttachLicenseCommand(licenseId, event.toAccount(), event.toEmail()));
            String from = attached.fromEmail();
            if (from != null && !from.equals(event.toEmail())) {
                takenFrom.computeIfAbsent(from, email -> new ArrayList<>()).add(licenseId);
            }
        }
        // The licenses were issued before anyone could ask to attach them: the read model holds them.
        Map<String, LicenseView> views = queries.byIds(event.licenseIds());
        String id = message.getIdentifier();
        takenFrom.forEach((from, licenseIds) -> mail.send(
                // An id per recipient without the address in it: ce_id and the key show in logs and tools.
                id + "/licenses-attached-away/" + UUID.nameUUIDFromBytes(from.getBytes(UTF_8)),
                "licenses-attached-away",
                from,
                Map.of("licenses", describe(licenseIds, views))));
        if (event.toEmail() != null && !event.licenseIds().isEmpty()) {
            mail.send(
                    id + "/licenses-attached",
                    "licenses-attached",
                    event.toEmail(),
                    Map.of("licenses", describe(event.licenseIds(), views)));
        }
    }

    /**
     * What the mail names each license by. Of the key only its last group, which tells one license
     * from another: the whole key activates the product and has no business on a mail topic.
     */
    private static List<Map<String, Object>> describe(List<String> licenseIds, Map<String, LicenseView> views) {
        return licenseIds.stream()
                .map(views::get)
                .filter(Objects::nonNull)
                .map(view -> Map.<String, Object>of(
                        "product", view.productName(),
                        "edition", view.edition(),
                        "licenseKeyEnd", LicenseKeys.lastGroup(view.licenseKey()),
                        "maintenanceUntil", view.maintenanceUntil().toString()))
                .toList();
    }
}
