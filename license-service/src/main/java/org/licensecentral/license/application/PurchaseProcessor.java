package org.licensecentral.license.application;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.licensecentral.license.api.CheckPurchaseContentCommand;
import org.licensecentral.license.api.ExtendMaintenanceCommand;
import org.licensecentral.license.api.IssueLicenseCommand;
import org.licensecentral.license.api.PurchaseCompleted;
import org.licensecentral.license.api.RecordPurchaseCommand;
import org.licensecentral.license.catalog.Catalog;
import org.licensecentral.license.catalog.Product;
import org.licensecentral.license.command.License;
import org.licensecentral.license.command.LicenseKeys;
import org.licensecentral.license.command.Purchase;
import org.licensecentral.license.command.PurchaseConflictException;
import org.licensecentral.license.command.PurchaseContent;
import org.licensecentral.license.command.PurchaseRejectedException;
import org.licensecentral.license.query.LicenseQueries;
import org.licensecentral.license.query.LicenseView;

import org.springframework.stereotype.Service;

/**
 * Turns a purchase into licenses, one per unit, and renewals into longer maintenance. Every item is
 * checked (catalog, renewed license) before anything is issued, so a rejected purchase leaves
 * nothing behind. Then the purchase's content is recorded, or compared with the content its id was
 * first recorded with: a purchase id arriving again with other content is refused whole (issue 15,
 * finding 2). Each license's id is derived from the purchase id and the unit's position, so
 * processing the same purchase again (a redelivery, a replay, the same POST) finds its licenses
 * already issued, issues nothing new and finishes what an interrupted delivery left undone.
 */
@Service
public class PurchaseProcessor {

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final Catalog catalog;
    private final LicenseKeys licenseKeys;
    private final LicenseQueries queries;

    public PurchaseProcessor(
            CommandGateway commandGateway,
            EventStore eventStore,
            Catalog catalog,
            LicenseKeys licenseKeys,
            LicenseQueries queries) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.catalog = catalog;
        this.licenseKeys = licenseKeys;
        this.queries = queries;
    }

    /**
     * Issues the purchase's licenses that do not exist yet and applies its renewals that were not
     * applied yet; returns the ids of all the licenses it names.
     *
     * @throws PurchaseRejectedException when it names something the catalog does not sell
     * @throws PurchaseConflictException when its id was recorded before with other content
     */
    public List<String> process(PurchaseCompleted purchase) {
        List<Product> products = purchase.items().stream().map(this::check).toList();
        List<LicenseView> renewed =
                purchase.items().stream().map(this::renewedLicense).toList();
        recordOrCompare(purchase);
        List<String> licenseIds = new ArrayList<>();
        LocalDate purchasedOn = LocalDate.ofInstant(purchase.purchasedAt(), ZoneOffset.UTC);
        for (int item = 0; item < purchase.items().size(); item++) {
            PurchaseCompleted.Item line = purchase.items().get(item);
            Product product = products.get(item);
            if (line.isRenewal()) {
                String licenseId = renewed.get(item).licenseId();
                licenseIds.add(licenseId);
                commandGateway.sendAndWait(new ExtendMaintenanceCommand(
                        licenseId, purchase.purchaseId() + ":" + item, line.maintenanceMonths(), purchasedOn));
                continue;
            }
            for (int unit = 0; unit < line.quantity(); unit++) {
                String licenseId = License.idOf(purchase.purchaseId(), item, unit);
                licenseIds.add(licenseId);
                issueUnlessIssued(new IssueLicenseCommand(
                        licenseId,
                        licenseKeys.next(),
                        purchase.purchaseId(),
                        purchase.email().toLowerCase(Locale.ROOT),
                        line.productCode(),
                        line.edition(),
                        line.seatsOrDefault(),
                        purchase.purchasedAt(),
                        purchasedOn.plusMonths(line.maintenanceMonths()),
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

    /** For a renewal item, the license it renews, which must be of the item's product; null otherwise. */
    private LicenseView renewedLicense(PurchaseCompleted.Item item) {
        if (!item.isRenewal()) {
            return null;
        }
        if (item.quantity() != 1 || item.maintenanceMonths() < 1) {
            throw new PurchaseRejectedException("a renewal renews one license by at least a month");
        }
        LicenseView license = queries.findByKey(LicenseKeys.normalise(item.renewsLicenseKey()))
                .orElseThrow(() -> new PurchaseRejectedException("renewal of an unknown license key"));
        if (!license.productCode().equals(item.productCode())) {
            throw new PurchaseRejectedException(
                    "renewal of a " + license.productCode() + " license sold as " + item.productCode());
        }
        return license;
    }

    /** The first content of a purchase id wins; the same content again passes, other content is a conflict. */
    private void recordOrCompare(PurchaseCompleted purchase) {
        String recordId = Purchase.recordId(purchase.purchaseId());
        String contentHash = PurchaseContent.hash(purchase);
        if (eventStore.lastSequenceNumberFor(recordId).isEmpty()) {
            try {
                commandGateway.sendAndWait(new RecordPurchaseCommand(recordId, purchase.purchaseId(), contentHash));
                return;
            } catch (AggregateStreamCreationException recordedMeanwhile) {
                // A concurrent delivery of this purchase id won the unique (aggregate id, sequence) index: compare with
                // it.
            }
        }
        commandGateway.sendAndWait(new CheckPurchaseContentCommand(recordId, purchase.purchaseId(), contentHash));
    }

    private void issueUnlessIssued(IssueLicenseCommand command) {
        if (eventStore.lastSequenceNumberFor(command.licenseId()).isPresent()) {
            return;
        }
        try {
            commandGateway.sendAndWait(command);
        } catch (AggregateStreamCreationException issuedMeanwhile) {
            // A concurrent delivery of the same purchase won the unique (aggregate id, sequence) index.
        }
    }
}
