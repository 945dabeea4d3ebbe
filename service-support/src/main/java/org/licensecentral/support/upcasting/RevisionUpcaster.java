package org.licensecentral.support.upcasting;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision "1" of one stored event type to "2", by changing its JSON (usually adding the fields
 * revision 2 brought, with the value that old events mean by their absence). A service declares
 * one bean per event type that changed; Axon picks up every {@code EventUpcaster} bean. Events of
 * other types and revisions pass unchanged.
 */
public final class RevisionUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final Consumer<ObjectNode> change;

    public RevisionUpcaster(String type, Consumer<ObjectNode> change) {
        this.from = new SimpleSerializedType(type, "1");
        this.to = new SimpleSerializedType(type, "2");
        this.change = change;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, node -> {
            change.accept((ObjectNode) node);
            return node;
        });
    }
}
