package org.licensecentral.activation.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.licensecentral.activation.api.ActivateMachineCommand;
import org.licensecentral.activation.api.ActivationMode;
import org.licensecentral.activation.api.CheckInMachineCommand;
import org.licensecentral.activation.api.DeactivateMachineCommand;
import org.licensecentral.activation.api.DeactivateOfflineMachineCommand;
import org.licensecentral.activation.api.DeactivationReason;
import org.licensecentral.activation.api.ReleaseLostMachineCommand;
import org.licensecentral.activation.api.ReleaseMachineCommand;
import org.licensecentral.activation.keys.ActivationKeys;
import org.licensecentral.activation.keys.DeactivationSecrets;
import org.licensecentral.activation.licenses.LicenseRecord;
import org.licensecentral.activation.licenses.LicenseRecords;
import org.licensecentral.activation.licenses.ProductVersion;
import org.licensecentral.activation.licenses.Releases;
import org.licensecentral.activation.query.ActivationProjection;
import org.licensecentral.activation.query.ActivationView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Activations: by installed products (e-mail and license key to activate, the activation key to
 * check in and release), and by the portal's account (offline activation, the deactivations).
 * Every answer that gives a seat gives its lease: a newly signed activation key.
 */
@Service
public class ActivationService {

    /** The answer an installed product keeps: its signed activation key (the lease) and what it may do. */
    public record Activated(
            String activationId,
            String activationKey,
            ActivationMode mode,
            Instant leaseEnds,
            LocalDate maintenanceUntil,
            String maxVersion,
            boolean remoteManagement) {}

    public enum InvalidReason {
        INVALID_LICENSE,
        NOT_ACTIVATED
    }

    public record Validation(
            boolean valid, InvalidReason reason, LocalDate maintenanceUntil, Boolean remoteManagement) {}

    private static final Logger log = LoggerFactory.getLogger(ActivationService.class);

    private final CommandGateway commandGateway;
    private final LicenseRecords licenses;
    private final Releases releases;
    private final ActivationProjection activations;
    private final ActivationKeys keys;
    private final DeactivationSecrets deactivationSecrets;
    private final FailedAttempts failedAttempts;
    private final ObjectMapper json;
    private final Clock clock;
    private final String issuer;

    public ActivationService(
            CommandGateway commandGateway,
            LicenseRecords licenses,
            Releases releases,
            ActivationProjection activations,
            ActivationKeys keys,
            DeactivationSecrets deactivationSecrets,
            FailedAttempts failedAttempts,
            ObjectMapper json,
            Clock clock,
            @Value("${licensecentral.activation.issuer}") String issuer) {
        this.commandGateway = commandGateway;
        this.licenses = licenses;
        this.releases = releases;
        this.activations = activations;
        this.keys = keys;
        this.deactivationSecrets = deactivationSecrets;
        this.failedAttempts = failedAttempts;
        this.json = json;
        this.clock = clock;
        this.issuer = issuer;
    }

    public Activated activateOnline(
            String clientAddress,
            String email,
            String licenseKey,
            String fingerprint,
            String hostname,
            String productVersion) {
        LicenseRecord license = check(clientAddress, email, licenseKey);
        return activate(license, fingerprint, hostname, productVersion, ActivationMode.ONLINE, null, null);
    }

    /** A lease renewed for the machine its key was issued to; a freed seat answers why. */
    public Activated checkIn(String clientAddress, String activationKey, String fingerprint, String productVersion) {
        KeyHolder holder = holder(clientAddress, activationKey, fingerprint);
        ProductVersion version = ProductVersion.parse(productVersion);
        LicenseRecord license = licenses.find(holder.licenseId())
                .orElseThrow(() -> new ActivationRevokedException(DeactivationReason.UNKNOWN));
        ProductVersion maxVersion = covered(license, version);
        LicenseSeats.Activation renewed;
        try {
            renewed = commandGateway.sendAndWait(new CheckInMachineCommand(
                    license.licenseId(), holder.activationId(), fingerprint, version.toString()));
        } catch (AggregateNotFoundException e) {
            throw new ActivationRevokedException(DeactivationReason.UNKNOWN);
        }
        log.info("check-in of activation {} of license {}", holder.activationId(), license.licenseId());
        return lease(license, renewed.seat(), maxVersion);
    }

    /** The product's own release; one already released (a retry) answers the same. */
    public void release(String clientAddress, String activationKey, String fingerprint) {
        KeyHolder holder = holder(clientAddress, activationKey, fingerprint);
        try {
            commandGateway.sendAndWait(
                    new ReleaseMachineCommand(holder.licenseId(), holder.activationId(), fingerprint));
        } catch (AggregateNotFoundException | ActivationRevokedException alreadyFreed) {
            log.info("release of activation {} that holds no seat", holder.activationId());
        }
    }

    public Validation validate(String clientAddress, String email, String licenseKey, String fingerprint) {
        LicenseRecord license;
        try {
            license = check(clientAddress, email, licenseKey);
        } catch (InvalidLicenseException e) {
            return new Validation(false, InvalidReason.INVALID_LICENSE, null, null);
        }
        Optional<ActivationView> activation = activations.find(license.licenseId(), fingerprint);
        return activation
                .map(a -> new Validation(
                        true, null, license.maintenanceUntil(), license.remoteManagementFor(a.productVersion())))
                .orElse(new Validation(false, InvalidReason.NOT_ACTIVATED, null, null));
    }

    /** A service key pasted by the account that holds its license; any other license answers as unknown. */
    public Activated activateOffline(String accountId, String verifiedEmail, String serviceKey) {
        ServiceKey key = ServiceKey.decode(serviceKey, json);
        LicenseRecord license = licenses.byKey(key.licenseKey())
                .filter(l -> l.isHeldBy(accountId, verifiedEmail))
                .orElseThrow(InvalidLicenseException::new);
        return activate(
                license,
                key.fingerprint(),
                key.hostname(),
                key.productVersion(),
                ActivationMode.OFFLINE,
                key.nonce(),
                key.createdAt());
    }

    public void deactivate(String accountId, String verifiedEmail, String activationId) {
        ActivationView activation = ownActivation(accountId, verifiedEmail, activationId);
        commandGateway.sendAndWait(new DeactivateMachineCommand(activation.licenseId(), activationId));
    }

    public void deactivateOffline(
            String accountId, String verifiedEmail, String activationId, String deactivationCode) {
        ActivationView activation = ownActivation(accountId, verifiedEmail, activationId);
        commandGateway.sendAndWait(
                new DeactivateOfflineMachineCommand(activation.licenseId(), activationId, deactivationCode));
    }

    public void releaseLost(String accountId, String verifiedEmail, String activationId) {
        ActivationView activation = ownActivation(accountId, verifiedEmail, activationId);
        commandGateway.sendAndWait(new ReleaseLostMachineCommand(activation.licenseId(), activationId));
    }

    private ActivationView ownActivation(String accountId, String verifiedEmail, String activationId) {
        return activations
                .find(activationId)
                .filter(a -> licenses.find(a.licenseId())
                        .map(l -> l.isHeldBy(accountId, verifiedEmail))
                        .orElse(false))
                .orElseThrow(ActivationNotFoundException::new);
    }

    private LicenseRecord check(String clientAddress, String email, String licenseKey) {
        failedAttempts.check(clientAddress, licenseKey);
        return licenses.byKey(licenseKey)
                .filter(license -> license.acceptsEmail(email))
                .orElseThrow(() -> {
                    log.info("refused an e-mail and license key pair from {}", clientAddress);
                    failedAttempts.failed(clientAddress, licenseKey);
                    return new InvalidLicenseException();
                });
    }

    private record KeyHolder(String licenseId, String activationId) {}

    /** Who presents an activation key: one this service signed (at any time), for the machine that presents it. */
    private KeyHolder holder(String clientAddress, String activationKey, String fingerprint) {
        failedAttempts.check(clientAddress);
        Map<String, Object> claims = keys.claimsOf(activationKey).orElse(Map.of());
        Object licenseId = claims.get("licenseId");
        Object activationId = claims.get("sub");
        if (!(licenseId instanceof String) || !(activationId instanceof String)) {
            failedAttempts.failed(clientAddress);
            throw new InvalidActivationKeyException("This is not an activation key signed by License Central.");
        }
        if (!fingerprint.equals(claims.get("fingerprint"))) {
            failedAttempts.failed(clientAddress);
            throw new InvalidActivationKeyException("This activation key was issued to another machine.");
        }
        return new KeyHolder((String) licenseId, (String) activationId);
    }

    /** The newest version the license's maintenance covers, if the requested one is not newer. */
    private ProductVersion covered(LicenseRecord license, ProductVersion requested) {
        ProductVersion newest = releases.newestCovered(license.productCode(), license.maintenanceUntil())
                .orElse(null);
        if (newest == null || requested.compareTo(newest) > 0) {
            throw new VersionNotCoveredException(requested, newest);
        }
        return newest;
    }

    private Activated activate(
            LicenseRecord license,
            String fingerprint,
            String hostname,
            String productVersion,
            ActivationMode mode,
            String serviceKeyNonce,
            Instant serviceKeyCreatedAt) {
        ProductVersion version = ProductVersion.parse(productVersion);
        ProductVersion maxVersion = covered(license, version);
        ActivateMachineCommand command = new ActivateMachineCommand(
                license.licenseId(),
                UUID.randomUUID().toString(),
                fingerprint,
                hostname,
                version.toString(),
                mode,
                license.maxActivations(),
                serviceKeyNonce,
                serviceKeyCreatedAt);
        // Another instance may append to the same ledger at the same moment: the platform's command
        // gateway sends the loser again (ConflictRetryScheduler), which reads the ledger anew and decides.
        LicenseSeats.Activation activation;
        try {
            activation = commandGateway.sendAndWait(command);
        } catch (AggregateStreamCreationException ledgerCreatedMeanwhile) {
            // The license's first two activations at once both created its ledger (CREATE_IF_MISSING);
            // the gateway retries no creation conflict, so this one is sent again and meets the
            // winner's ledger, which decides on a seat.
            activation = commandGateway.sendAndWait(command);
        }
        LicenseSeats.Seat seat = activation.seat();
        // One line per decision, with the request's trace id (the correlation id the caller was given);
        // ids only: e-mail addresses and license keys stay out of logs.
        log.info(
                "{} activation {} of license {} ({})",
                activation.isNew() ? "new" : "renewed",
                seat.activationId(),
                license.licenseId(),
                seat.mode());
        return lease(license, seat, maxVersion);
    }

    /** The activation key of a seat: its claims are the protocol of activation-service/README.md. */
    private Activated lease(LicenseRecord license, LicenseSeats.Seat seat, ProductVersion maxVersion) {
        boolean remoteManagement = license.remoteManagementFor(seat.productVersion());
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", license.productCode());
        claims.put("sub", seat.activationId());
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", seat.leaseEnds().getEpochSecond());
        claims.put("licenseId", license.licenseId());
        claims.put("edition", license.edition());
        claims.put("fingerprint", seat.fingerprint());
        claims.put("mode", seat.mode().name());
        claims.put("maxVersion", maxVersion.toString());
        claims.put("maintenanceUntil", license.maintenanceUntil().toString());
        claims.put("remoteManagement", remoteManagement);
        claims.put(
                "dsec",
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(deactivationSecrets.secretOf(seat.activationId())));
        return new Activated(
                seat.activationId(),
                keys.sign(claims),
                seat.mode(),
                seat.leaseEnds(),
                license.maintenanceUntil(),
                maxVersion.toString(),
                remoteManagement);
    }
}
