package org.licensecentral.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.licensecentral.verifier.ActivationKeyVerifier;
import org.licensecentral.verifier.ActivationKeyVerifier.Expected;
import org.licensecentral.verifier.ActivationKeyVerifier.Reason;
import org.licensecentral.verifier.ActivationKeyVerifier.Result;
import org.licensecentral.verifier.DeactivationCode;

/**
 * What an installed product does about its license, for one product on this machine: activate
 * (online, or offline through the portal), verify the stored lease at each start, renew it by
 * check-in, deactivate. The activation key is kept in a {@link StateFile}.
 *
 * <p>Keys are verified with the JWKS the product ships, if it was given ({@link #withJwks}),
 * otherwise with the copy fetched from the server at the last online call. Every online call
 * fetches a fresh copy, so a product without a JWKS of its own follows the server's key rotations.
 */
public final class LicenseClient {

    /** The protocol's version numbers: 1 to 4 dot-separated numbers of at most 6 digits each. */
    private static final Pattern VERSION = Pattern.compile("\\d{1,6}(\\.\\d{1,6}){0,3}");

    private static final String REVOKED = "activation-revoked";

    private final Product product;
    private final URI server;
    private final String fingerprint;
    private final StateFile stateFile;
    private final ActivationApi api;
    private final String shippedJwks;
    private final Clock clock;

    public LicenseClient(Product product, URI server, String fingerprint, StateFile stateFile) {
        this(product, server, fingerprint, stateFile, new ActivationApi(server), null, Clock.systemUTC());
    }

    LicenseClient(
            Product product,
            URI server,
            String fingerprint,
            StateFile stateFile,
            ActivationApi api,
            String shippedJwks,
            Clock clock) {
        this.product = product;
        this.server = server;
        this.fingerprint = fingerprint;
        this.stateFile = stateFile;
        this.api = api;
        this.shippedJwks = shippedJwks;
        this.clock = clock;
    }

    /**
     * The same client, verifying with the JWKS the product ships instead of the server's copy. An
     * IllegalArgumentException says it is no JWKS.
     */
    public LicenseClient withJwks(String jwks) {
        ActivationKeyVerifier.fromJwks(jwks);
        return new LicenseClient(product, server, fingerprint, stateFile, api, jwks, clock);
    }

    public Product product() {
        return product;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public StateFile stateFile() {
        return stateFile;
    }

    /** The stored state, if there is a state file; an IllegalArgumentException if it is another product's. */
    public Optional<State> state() {
        Optional<State> state = stateFile.read();
        if (state.isPresent() && state.get().product() != product) {
            throw new IllegalArgumentException("the state file " + stateFile.path() + " is "
                    + state.get().product() + "'s, not " + product + "'s");
        }
        return state;
    }

    /**
     * Takes a seat for this machine, or renews the one it holds, and stores the key. A refusal is a
     * {@link ProblemException} ({@code invalid-license}, {@code no-free-seat},
     * {@code version-not-covered}, {@code invalid-version}, too many requests). A key that does not
     * verify here (another product, this machine's clock far off, an outdated shipped JWKS) is a
     * {@link KeyRejectedException}, and its seat is given back.
     */
    public Lease activate(String email, String licenseKey, String productVersion, String hostname) {
        String serverJwks = api.keys();
        Activated activated = api.activate(email, licenseKey, fingerprint, hostname, productVersion);
        Lease lease;
        try {
            lease = verified(activated.activationKey(), shippedJwks != null ? shippedJwks : serverJwks);
        } catch (KeyRejectedException e) {
            giveBack(activated.activationKey());
            throw e;
        }
        store(lease.activationId(), activated.activationKey(), productVersion, serverJwks);
        return lease;
    }

    /**
     * A service key for the portal's offline activation; nothing is sent or stored. A product
     * version that is no version number is an IllegalArgumentException here, as only the portal
     * would tell otherwise.
     */
    public String offlineRequest(String email, String licenseKey, String productVersion, String hostname) {
        if (!VERSION.matcher(productVersion).matches()) {
            throw new IllegalArgumentException("'" + productVersion
                    + "' is not a product version: 1 to 4 dot-separated numbers of at most 6 digits, e.g. 5.3.1");
        }
        return ServiceKey.create(email, licenseKey, fingerprint, hostname, productVersion, clock.instant())
                .encoded();
    }

    /**
     * Stores an activation key the portal gave for this machine, after verifying it offline:
     * {@link NoJwksException} if no JWKS was given and none is cached, {@link KeyRejectedException}
     * if it is not a valid key of this product for this machine.
     */
    public Lease installOffline(String activationKey) {
        String key = activationKey.trim();
        String jwks = jwksInUse();
        Lease lease = verified(key, jwks);
        Optional<State> previous = state();
        store(
                lease.activationId(),
                key,
                previous.map(State::productVersion).orElse(null),
                previous.map(State::jwks).orElse(jwks));
        return lease;
    }

    /**
     * The stored lease, verified offline: what a product checks at each start.
     * {@link NotActivatedException} if no key is stored, {@link KeyRejectedException} if the key is
     * not valid here (expired, another machine, ...).
     */
    public Lease status() {
        return verified(activatedState().activationKey(), jwksInUse());
    }

    /** {@link #checkIn(String)} with the product version the machine was activated with. */
    public Lease checkIn() {
        String version = activatedState().productVersion();
        if (version == null) {
            throw new IllegalArgumentException("no product version is stored for this machine (its key was installed"
                    + " offline): give the product version to check in with");
        }
        return checkIn(version);
    }

    /**
     * Renews the lease and replaces the stored key. When License Central answers
     * {@code activation-revoked}, the seat is gone: the key is deleted before the problem is
     * thrown, and the product must stop until it is activated again.
     */
    public Lease checkIn(String productVersion) {
        State state = activatedState();
        String serverJwks = api.keys();
        Activated activated;
        try {
            activated = api.checkIn(state.activationKey(), fingerprint, productVersion);
        } catch (ProblemException e) {
            if (REVOKED.equals(e.name())) {
                stateFile.write(state.withoutActivation(clock.instant()));
            }
            throw e;
        }
        Lease lease = verified(activated.activationKey(), shippedJwks != null ? shippedJwks : serverJwks);
        store(lease.activationId(), activated.activationKey(), productVersion, serverJwks);
        return lease;
    }

    /**
     * Frees the seat online, then deletes the key, and gives the freed seat's activation id. The
     * key stays when the server cannot be told.
     */
    public String deactivate() {
        State state = activatedState();
        api.release(state.activationKey(), fingerprint);
        stateFile.write(state.withoutActivation(clock.instant()));
        return state.activationId();
    }

    /**
     * Deletes the key without a connection and gives the code that proves it to the portal. The
     * code is derived from the key's deactivation secret, so it is computed before the key is gone.
     */
    public OfflineDeactivation deactivateOffline() {
        State state = activatedState();
        ActivationKeyVerifier verifier = ActivationKeyVerifier.fromJwks(jwksInUse());
        Result signed = verifier.verifySignature(state.activationKey());
        if (!signed.valid() || !(signed.claims().get("dsec") instanceof String dsec)) {
            String why = signed.valid() ? "holds no deactivation secret" : describe(signed.reason());
            throw new KeyRejectedException(
                    signed.valid() ? Reason.MALFORMED : signed.reason(),
                    null,
                    "the stored activation key " + why + ", so no deactivation code can be made from it");
        }
        String activationId = String.valueOf(signed.claims().get("sub"));
        String code = DeactivationCode.of(Base64.getUrlDecoder().decode(dsec), activationId);
        stateFile.write(state.withoutActivation(clock.instant()));
        return new OfflineDeactivation(activationId, code, signed.leaseEnds());
    }

    /**
     * When the stored key's lease ends, if there is a key whose signature holds: for telling a user
     * how long the product keeps working while the server cannot be reached.
     */
    public Optional<Instant> storedLeaseEnds() {
        Optional<State> state = state().filter(State::activated);
        String jwks = shippedJwks != null ? shippedJwks : state.map(State::jwks).orElse(null);
        if (state.isEmpty() || jwks == null) {
            return Optional.empty();
        }
        Result signed =
                ActivationKeyVerifier.fromJwks(jwks).verifySignature(state.get().activationKey());
        return Optional.ofNullable(signed.leaseEnds());
    }

    /** This machine's host name, as a default for the name an activation is listed under in the portal. */
    public static Optional<String> localHostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (!name.isBlank()) {
                return Optional.of(name);
            }
        } catch (UnknownHostException e) {
            // A host without a resolvable name of its own: the environment may still name it.
        }
        return Optional.ofNullable(System.getenv("COMPUTERNAME"))
                .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
                .filter(name -> !name.isBlank());
    }

    private State activatedState() {
        return state().filter(State::activated)
                .orElseThrow(() -> new NotActivatedException(product + " is not activated on this machine: "
                        + stateFile.path() + " holds no activation key"));
    }

    private String jwksInUse() {
        if (shippedJwks != null) {
            return shippedJwks;
        }
        return state().map(State::jwks)
                .orElseThrow(() -> new NoJwksException("there is no JWKS to verify the"
                        + " activation key with: none was given, and " + stateFile.path()
                        + " holds no copy from an online call"));
    }

    private Lease verified(String activationKey, String jwks) {
        ActivationKeyVerifier verifier = ActivationKeyVerifier.fromJwks(jwks);
        Instant now = clock.instant();
        Result result = verifier.verify(activationKey, Expected.of(product.name(), fingerprint), now);
        if (!result.valid()) {
            Map<String, Object> claims = verifier.verifySignature(activationKey).claims();
            throw new KeyRejectedException(
                    result.reason(),
                    result.leaseEnds(),
                    switch (result.reason()) {
                        case WRONG_ISSUER ->
                            "the activation key was issued by " + claims.get("iss") + ", not by "
                                    + ActivationKeyVerifier.DEFAULT_ISSUER;
                        case WRONG_AUDIENCE ->
                            "the activation key is for " + claims.get("aud") + ", not for " + product;
                        case NOT_YET_VALID ->
                            "the activation key is valid only from "
                                    + Instant.ofEpochSecond(((Number) claims.get("nbf")).longValue())
                                    + ", and this machine's clock says " + now;
                        case EXPIRED -> "the activation key's lease ended at " + result.leaseEnds();
                        case WRONG_FINGERPRINT ->
                            "the activation key was issued to the machine with fingerprint " + claims.get("fingerprint")
                                    + ", not to this one (" + fingerprint + ")";
                        default -> "the activation key " + describe(result.reason());
                    });
        }
        return Lease.of(result.claims());
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case MALFORMED -> "is not a well-formed License Central activation key";
            case UNSUPPORTED_ALGORITHM -> "is not signed with EdDSA";
            case UNKNOWN_KEY_ID -> "was signed with a key the JWKS in use does not hold";
            case BAD_SIGNATURE -> "does not carry a valid signature: it was changed, or not signed by License Central";
            default -> "was refused (" + reason + ")";
        };
    }

    private void store(String activationId, String activationKey, String productVersion, String jwks) {
        stateFile.write(new State(
                server.toString(),
                product,
                fingerprint,
                productVersion,
                activationId,
                activationKey,
                jwks,
                clock.instant()));
    }

    /**
     * A key this machine cannot use must not keep the seat for a week. If the release fails too,
     * the rejection is still what the user needs to hear, and activating again with the same
     * fingerprint returns the same seat.
     */
    private void giveBack(String activationKey) {
        try {
            api.release(activationKey, fingerprint);
        } catch (LicenseClientException e) {
            // The rejection is what the caller hears; see above.
        }
    }
}
