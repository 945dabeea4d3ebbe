package org.licensecentral.client;

import java.time.Instant;
import java.util.Optional;

import org.licensecentral.verifier.ActivationKeyVerifier.Reason;

/** An activation key failed the offline checks of activation-verifier; {@link #reason()} says which. */
public final class KeyRejectedException extends LicenseClientException {

    private final Reason reason;
    private final Instant leaseEnds;

    public KeyRejectedException(Reason reason, Instant leaseEnds, String message) {
        super(message);
        this.reason = reason;
        this.leaseEnds = leaseEnds;
    }

    public Reason reason() {
        return reason;
    }

    /** When the key's lease ends or ended, where its signature held. */
    public Optional<Instant> leaseEnds() {
        return Optional.ofNullable(leaseEnds);
    }
}
