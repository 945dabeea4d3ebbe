package org.licensecentral.activation.command;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.licensecentral.activation.api.ActivateMachineCommand;
import org.licensecentral.activation.api.ActivationMode;
import org.licensecentral.activation.api.DeactivateMachineCommand;
import org.licensecentral.activation.api.ReleaseMachineCommand;
import org.licensecentral.activation.keys.ActivationKeys;
import org.licensecentral.activation.licenses.LicenseRecord;
import org.licensecentral.activation.licenses.LicenseRecords;
import org.licensecentral.activation.query.ActivationProjection;
import org.licensecentral.activation.query.ActivationView;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Activations: by installed products (e-mail and key), and by the portal's account (offline, deactivate). */
@Service
public class ActivationService {

    /** The answer an installed product keeps: its signed activation key and what it may do. */
    public record Activated(String activationId, String activationKey, LocalDate maintenanceUntil,
                            boolean remoteManagement, ActivationMode mode) {
    }

    public enum InvalidReason { INVALID_LICENSE, NOT_ACTIVATED }

    public record Validation(boolean valid, InvalidReason reason, LocalDate maintenanceUntil, Boolean remoteManagement) {
    }

    private static final Logger log = LoggerFactory.getLogger(ActivationService.class);
    private static final int ATTEMPTS = 5;

    private final CommandGateway commandGateway;
    private final LicenseRecords licenses;
    private final ActivationProjection activations;
    private final ActivationKeys keys;
    private final FailedAttempts failedAttempts;
    private final ObjectMapper json;
    private final Clock clock;

    public ActivationService(CommandGateway commandGateway, LicenseRecords licenses, ActivationProjection activations,
                             ActivationKeys keys, FailedAttempts failedAttempts, ObjectMapper json, Clock clock) {
        this.commandGateway = commandGateway;
        this.licenses = licenses;
        this.activations = activations;
        this.keys = keys;
        this.failedAttempts = failedAttempts;
        this.json = json;
        this.clock = clock;
    }

    public Activated activateOnline(String clientAddress, String email, String licenseKey, String fingerprint,
                                    String hostname, String productVersion) {
        LicenseRecord license = check(clientAddress, email, licenseKey);
        return activate(license, fingerprint, hostname, productVersion, ActivationMode.ONLINE);
    }

    public void release(String clientAddress, String email, String licenseKey, String fingerprint) {
        LicenseRecord license = check(clientAddress, email, licenseKey);
        commandGateway.sendAndWait(new ReleaseMachineCommand(license.licenseId(), fingerprint));
    }

    public Validation validate(String clientAddress, String email, String licenseKey, String fingerprint) {
        LicenseRecord license;
        try {
            license = check(clientAddress, email, licenseKey);
        } catch (InvalidLicenseException e) {
            return new Validation(false, InvalidReason.INVALID_LICENSE, null, null);
        }
        Optional<ActivationView> activation = activations.find(license.licenseId(), fingerprint);
        return activation.map(a -> new Validation(true, null, license.maintenanceUntil(),
                        license.remoteManagementFor(a.productVersion())))
                .orElse(new Validation(false, InvalidReason.NOT_ACTIVATED, null, null));
    }

    /** A service key pasted by the account that holds its license; any other license answers as unknown. */
    public Activated activateOffline(String accountId, String verifiedEmail, String serviceKey) {
        ServiceKey key = ServiceKey.decode(serviceKey, json);
        LicenseRecord license = licenses.byKey(key.licenseKey())
                .filter(l -> l.isHeldBy(accountId, verifiedEmail))
                .orElseThrow(InvalidLicenseException::new);
        return activate(license, key.fingerprint(), key.hostname(), key.productVersion(), ActivationMode.OFFLINE);
    }

    public void deactivate(String accountId, String verifiedEmail, String activationId) {
        ActivationView activation = activations.find(activationId)
                .filter(a -> licenses.find(a.licenseId()).map(l -> l.isHeldBy(accountId, verifiedEmail)).orElse(false))
                .orElseThrow(ActivationNotFoundException::new);
        commandGateway.sendAndWait(new DeactivateMachineCommand(activation.licenseId(), activationId));
    }

    private LicenseRecord check(String clientAddress, String email, String licenseKey) {
        failedAttempts.waitFor(clientAddress, licenseKey).ifPresent(wait -> {
            throw new TooManyFailedAttemptsException(wait);
        });
        return licenses.byKey(licenseKey).filter(license -> license.acceptsEmail(email)).orElseThrow(() -> {
            log.info("refused an e-mail and license key pair from {}", clientAddress);
            failedAttempts.failed(clientAddress, licenseKey);
            return new InvalidLicenseException();
        });
    }

    private Activated activate(LicenseRecord license, String fingerprint, String hostname, String productVersion,
                               ActivationMode mode) {
        ActivateMachineCommand command = new ActivateMachineCommand(license.licenseId(), UUID.randomUUID().toString(),
                fingerprint, hostname, productVersion, mode, license.maxActivations());
        LicenseSeats.Activation activation = send(command);
        LicenseSeats.Seat seat = activation.seat();
        // One line per decision, with the request's trace id (the correlation id the caller was given);
        // ids only: e-mail addresses and license keys stay out of logs.
        log.info("{} activation {} of license {} ({})", activation.isNew() ? "new" : "existing", seat.activationId(),
                license.licenseId(), seat.mode());
        boolean remoteManagement = license.remoteManagementFor(seat.productVersion());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "license-central");
        claims.put("sub", seat.activationId());
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("activationId", seat.activationId());
        claims.put("licenseId", license.licenseId());
        claims.put("fingerprint", seat.fingerprint());
        claims.put("product", license.productCode());
        claims.put("edition", license.edition());
        claims.put("maintenanceUntil", license.maintenanceUntil().toString());
        claims.put("remoteManagement", remoteManagement);
        claims.put("mode", seat.mode().name());
        return new Activated(seat.activationId(), keys.sign(claims), license.maintenanceUntil(), remoteManagement,
                seat.mode());
    }

    /** Another node may append to the same ledger at the same moment; the loser reads it again and decides anew. */
    private LicenseSeats.Activation send(ActivateMachineCommand command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commandGateway.sendAndWait(command);
            } catch (ConcurrencyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
