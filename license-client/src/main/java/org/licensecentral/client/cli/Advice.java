package org.licensecentral.client.cli;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

import org.licensecentral.client.KeyRejectedException;
import org.licensecentral.client.ProblemException;
import org.licensecentral.client.Product;

/** What a user does next after each failure: the second line of every failure message. */
final class Advice {

    private static final String ACTIVATE = "license-client activate --email E --license-key K --product-version V";
    private static final String OFFLINE =
            "license-client offline-request --email E --license-key K --product-version V";

    private Advice() {}

    /** The problem as the protocol's properties tell it, where they tell more than the server's wording. */
    static String fact(ProblemException problem) {
        if (problem.name().equals("activation-revoked")) {
            return switch (String.valueOf(problem.properties().get("reason"))) {
                case "DEACTIVATED_BY_OWNER" -> "This machine was deactivated in the portal.";
                case "OFFLINE_DEACTIVATION" -> "This machine was deactivated in the portal with its deactivation code.";
                case "LOST_MACHINE_RELEASE" -> "This machine was released in the portal as a lost machine.";
                case "LEASE_EXPIRED" -> "This machine's lease ended before it checked in, and its seat was freed.";
                case "RELEASED_BY_PRODUCT" -> "This machine gave up its seat (deactivate).";
                default -> "This activation no longer holds a seat.";
            };
        }
        return problem.detail() != null ? problem.detail() : problem.title();
    }

    static String next(ProblemException problem, String command, Product product) {
        if (problem.status() == 429) {
            String wait = problem.retryAfter()
                    .map(after -> after.toSeconds() + " seconds")
                    .orElse("a minute");
            return problem.name().equals("too-many-failed-attempts")
                    ? "Wait " + wait + ", check the e-mail address and license key, then try again."
                    : "Wait " + wait + ", then try again.";
        }
        return switch (problem.name()) {
            case "invalid-license" ->
                "Check the e-mail address and the license key: both are in the purchase"
                        + " confirmation, and the portal's Licenses tab shows the license key.";
            case "no-free-seat" ->
                "Every seat of this license is taken, by: " + heldBy(problem)
                        + ". Deactivate one of these machines (run license-client deactivate on it, or use the portal's"
                        + " Activations tab), then activate again.";
            case "version-not-covered" ->
                problem.properties().get("newestAllowedVersion") instanceof String newest
                        ? "The license's maintenance allows versions up to " + newest + ": use " + newest
                                + " or older, or renew maintenance in the portal."
                        : "The license's maintenance covers no released version of " + product
                                + ": renew maintenance in the portal.";
            case "invalid-version" ->
                "Give --product-version as 1 to 4 dot-separated numbers of at most 6 digits," + " e.g. 5.3.1.";
            case "activation-revoked" ->
                "The stored activation key is deleted; activate this machine again to use " + product + ": " + ACTIVATE
                        + ".";
            case "invalid-activation-key" ->
                command.equals("deactivate")
                        ? "License Central does not accept this machine's key: deactivate this machine in the portal's"
                                + " Activations tab instead."
                        : "License Central does not accept this machine's key (it was issued to another machine or"
                                + " by another server): activate this machine again: " + ACTIVATE + ".";
            case "about:blank" -> "The answer did not come from License Central's API: check --server.";
            default ->
                problem.status() == 400
                        ? "Check the options (license-client " + command + " --help) and try again."
                        : "If this persists, contact support with this message.";
        };
    }

    /** A lease that still runs is what a user most needs to hear while the server is away. */
    static String unavailable(String command, Optional<Instant> leaseEnds, Instant now) {
        String lease = leaseEnds
                .map(ends -> ends.isAfter(now)
                        ? " This machine's lease still runs until " + ends + "."
                        : " This machine's lease ended at " + ends + ".")
                .orElse("");
        String offline = switch (command) {
            case "activate" -> " Without a connection, activate offline: " + OFFLINE + ".";
            case "deactivate" ->
                " Without a connection, run license-client deactivate --offline and enter its" + " code in the portal.";
            default -> "";
        };
        return "Try again later." + lease + offline;
    }

    static String next(KeyRejectedException rejected, String command) {
        boolean installing = command.equals("offline-install");
        return switch (rejected.reason()) {
                    case MALFORMED, UNSUPPORTED_ALGORITHM, BAD_SIGNATURE ->
                        installing
                                ? "Copy the whole activation key again from the portal, and install it again."
                                : command.equals("status") || command.equals("deactivate")
                                        ? "The stored key is damaged: activate this machine again: " + ACTIVATE + "."
                                        : "The key License Central sent cannot be verified here: check --server and --jwks.";
                    case UNKNOWN_KEY_ID ->
                        "The JWKS in use is out of date: give a current one with --jwks (from GET"
                                + " <server>/api/v1/software/keys), or run check-in while connected to refresh the cached copy.";
                    case WRONG_ISSUER -> "The key comes from another License Central: check --server.";
                    case WRONG_AUDIENCE ->
                        "Use a license of this product, or run the client with the --product the key" + " is for.";
                    case NOT_YET_VALID ->
                        "Set this machine's clock right (it may be off by at most 5 minutes), then try" + " again.";
                    case EXPIRED ->
                        installing
                                ? "This key's lease is over: request a new one with " + OFFLINE + "."
                                : "Run license-client check-in while connected (if the seat was freed meanwhile, activate"
                                        + " again); a machine without a connection requests a new key with offline-request.";
                    case WRONG_FINGERPRINT ->
                        installing
                                ? "This key belongs to another machine: run offline-request on this machine and activate its"
                                        + " own service key in the portal."
                                : "This machine is not the one the key was stored on (its machine id or hardware changed, or the"
                                        + " state file was copied): activate this machine again: " + ACTIVATE + ".";
                }
                + (command.equals("activate") ? " The seat was given back." : "");
    }

    static String notActivated() {
        return "Activate it: " + ACTIVATE + "; or, without a connection: " + OFFLINE + ".";
    }

    static String noJwks() {
        return "Give the JWKS shipped with the product with --jwks FILE, or run an online command (activate,"
                + " check-in) to cache License Central's.";
    }

    static String noMachineId() {
        return "Name a file that holds this machine's id with --machine-id-file FILE.";
    }

    private static String heldBy(ProblemException problem) {
        return problem.properties().get("heldBy") instanceof Collection<?> hosts && !hosts.isEmpty()
                ? hosts.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : "other machines";
    }
}
