package org.licensecentral.activation.query;

import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.licensecentral.activation.api.MachineActivatedEvent;
import org.licensecentral.activation.api.MachineCheckedInEvent;
import org.licensecentral.activation.api.MachineDeactivatedEvent;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Keeps the {@code activations} read model: a save, an update or a delete by activation id, so a replay changes nothing. */
@Component
@ProcessingGroup(ActivationProjection.PROCESSING_GROUP)
public class ActivationProjection {

    /** Shared with the activation.events publisher: one tracking processor polls this service's event store. */
    public static final String PROCESSING_GROUP = "activation-events";

    private final MongoTemplate mongo;

    public ActivationProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(MachineActivatedEvent event) {
        mongo.save(new ActivationView(
                event.activationId(),
                event.licenseId(),
                event.fingerprint(),
                event.hostname(),
                event.productVersion(),
                event.mode(),
                event.at(),
                event.leaseEnds(),
                null));
    }

    @EventHandler
    void on(MachineCheckedInEvent event) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(event.activationId())),
                new Update()
                        .set("productVersion", event.productVersion())
                        .set("mode", event.mode())
                        .set("leaseEnds", event.leaseEnds())
                        .set("checkedInAt", event.at()),
                ActivationView.class);
    }

    @EventHandler
    void on(MachineDeactivatedEvent event) {
        mongo.remove(Query.query(Criteria.where("_id").is(event.activationId())), ActivationView.class);
    }

    public Optional<ActivationView> find(String activationId) {
        return Optional.ofNullable(mongo.findById(activationId, ActivationView.class));
    }

    public Optional<ActivationView> find(String licenseId, String fingerprint) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("licenseId")
                        .is(licenseId)
                        .and("fingerprint")
                        .is(fingerprint)),
                ActivationView.class));
    }

    public List<ActivationView> ofLicenses(List<String> licenseIds) {
        return mongo.find(
                Query.query(Criteria.where("licenseId").in(licenseIds))
                        .with(Sort.by(Sort.Direction.DESC, "activatedAt")),
                ActivationView.class);
    }
}
