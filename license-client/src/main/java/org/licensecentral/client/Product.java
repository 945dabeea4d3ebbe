package org.licensecentral.client;

/** The products License Central licenses; the name is the {@code aud} of their activation keys. */
public enum Product {
    BACKUP,
    EXPLORER,
    DRIVE
}
