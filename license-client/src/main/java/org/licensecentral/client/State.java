package org.licensecentral.client;

import java.time.Instant;

/**
 * What the client keeps between runs. Neither the license key nor the e-mail address is kept: the
 * activation key replaces them for every later call. {@code activationId} and
 * {@code activationKey} are null when the machine is not activated; {@code jwks} is the copy from
 * the last online call (or the one an offline key was installed with), for offline verification.
 */
public record State(
        String server,
        Product product,
        String fingerprint,
        String productVersion,
        String activationId,
        String activationKey,
        String jwks,
        Instant updatedAt) {

    public boolean activated() {
        return activationKey != null;
    }

    /** The machine's key removed, the rest kept for the next activation. */
    public State withoutActivation(Instant now) {
        return new State(server, product, fingerprint, productVersion, null, null, jwks, now);
    }
}
