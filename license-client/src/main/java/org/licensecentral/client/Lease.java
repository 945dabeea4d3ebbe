package org.licensecentral.client;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** What a verified activation key grants this machine, read from its claims. */
public record Lease(
        String activationId,
        String mode,
        Instant issuedAt,
        Instant leaseEnds,
        String edition,
        String maxVersion,
        LocalDate maintenanceUntil,
        boolean remoteManagement) {

    public static final String ONLINE = "ONLINE";
    public static final String OFFLINE = "OFFLINE";

    /** From the claims of a key that activation-verifier accepted. */
    public static Lease of(Map<String, Object> claims) {
        String maintenanceUntil = string(claims.get("maintenanceUntil"));
        return new Lease(
                string(claims.get("sub")),
                string(claims.get("mode")),
                Instant.ofEpochSecond(((Number) claims.getOrDefault("iat", claims.get("nbf"))).longValue()),
                Instant.ofEpochSecond(((Number) claims.get("exp")).longValue()),
                string(claims.get("edition")),
                string(claims.get("maxVersion")),
                maintenanceUntil == null ? null : LocalDate.parse(maintenanceUntil),
                Boolean.TRUE.equals(claims.get("remoteManagement")));
    }

    /** Half the lease, as the protocol has it: {@code iat + (exp - iat) / 2}. */
    public Instant checkInFrom() {
        return issuedAt.plus(Duration.between(issuedAt, leaseEnds).dividedBy(2));
    }

    /**
     * Whether an online lease should be renewed now. An offline lease is not: its machine has no
     * connection to check in with, and it ends with its long lease unless renewed through the
     * portal.
     */
    public boolean checkInDue(Instant now) {
        return ONLINE.equals(mode) && !now.isBefore(checkInFrom());
    }

    private static String string(Object claim) {
        return claim == null ? null : claim.toString();
    }
}
