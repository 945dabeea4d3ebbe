package org.licensecentral.activation.command;

import java.util.List;

/** Every seat of the license is taken; names the machines that hold them. */
public class NoFreeSeatException extends RuntimeException {

    private final List<String> heldBy;

    public NoFreeSeatException(List<String> heldBy) {
        super("No free seat: this license is active on " + String.join(", ", heldBy)
                + ". Deactivate one of them first.");
        this.heldBy = List.copyOf(heldBy);
    }

    public List<String> heldBy() {
        return heldBy;
    }
}
