package org.licensecentral.license.command;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.licensecentral.license.api.IssueLicenseCommand;
import org.licensecentral.license.api.PurchaseCompleted;
import org.licensecentral.license.catalog.Catalog;
import org.licensecentral.license.catalog.Product;

import org.springframework.stereotype.Service;

/**
 * Turns a purchase into licenses, one per unit. Every item is checked against the catalog before
 * anything is issued, so a rejected purchase leaves nothing behind. Each license's id is derived
 * from the purchase id and the unit's position, so processing the same purchase again (a
 * redelivery, a replay, the same POST) finds its licenses already issued and issues nothing new.
 */
@Service
public class PurchaseProcessor {

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final Catalog catalog;
    private final LicenseKeys licenseKeys;

    public PurchaseProcessor(CommandGateway commandGateway, EventStore eventStore, Catalog catalog, LicenseKeys licenseKeys) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.catalog = catalog;
        this.licenseKeys = licenseKeys;
    }

    /** Issues the purchase's licenses that do not exist yet; returns the ids of all of them. */
    public List<String> process(PurchaseCompleted purchase) {
        purchase.items().forEach(this::check);
        List<String> licenseIds = new ArrayList<>();
        for (int item = 0; item < purchase.items().size(); item++) {
            PurchaseCompleted.Item line = purchase.items().get(item);
            Product product = check(line);
            for (int unit = 0; unit < line.quantity(); unit++) {
                String licenseId = licenseId(purchase.purchaseId(), item, unit);
                licenseIds.add(licenseId);
                issueUnlessIssued(new IssueLicenseCommand(licenseId, licenseKeys.next(), purchase.purchaseId(),
                        purchase.email().toLowerCase(Locale.ROOT), line.productCode(), line.edition(), line.seatsOrDefault(),
                        purchase.purchasedAt(),
                        LocalDate.ofInstant(purchase.purchasedAt(), ZoneOffset.UTC).plusMonths(line.maintenanceMonths()),
                        product.remoteManagementSince()));
            }
        }
        return licenseIds;
    }

    private Product check(PurchaseCompleted.Item item) {
        Product product = catalog.product(item.productCode())
                .orElseThrow(() -> new PurchaseRejectedException("unknown product '" + item.productCode() + "'"));
        if (!product.hasEdition(item.edition())) {
            throw new PurchaseRejectedException(
                    product.name() + " has no edition '" + item.edition() + "' (it has " + product.editions() + ")");
        }
        return product;
    }

    private void issueUnlessIssued(IssueLicenseCommand command) {
        if (eventStore.lastSequenceNumberFor(command.licenseId()).isPresent()) {
            return;
        }
        try {
            commandGateway.sendAndWait(command);
        } catch (ConcurrencyException issuedMeanwhile) {
            // A concurrent delivery of the same purchase won the unique (aggregate id, sequence) index.
        }
    }

    static String licenseId(String purchaseId, int item, int unit) {
        return UUID.nameUUIDFromBytes(("license:" + purchaseId + ":" + item + ":" + unit).getBytes(UTF_8)).toString();
    }
}
