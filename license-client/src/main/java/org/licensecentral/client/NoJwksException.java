package org.licensecentral.client;

/** An activation key is to be verified offline, but there is no JWKS to verify it with. */
public final class NoJwksException extends LicenseClientException {

    public NoJwksException(String message) {
        super(message);
    }
}
