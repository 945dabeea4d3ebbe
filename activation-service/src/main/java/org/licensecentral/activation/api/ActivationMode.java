package org.licensecentral.activation.api;

/** How the machine reached us: itself over the internet, or through the portal with a service key. */
public enum ActivationMode {
    ONLINE,
    OFFLINE
}
