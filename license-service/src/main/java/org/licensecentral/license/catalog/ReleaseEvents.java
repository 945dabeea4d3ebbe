package org.licensecentral.license.catalog;

/**
 * Where the catalog announces each release it saved; messaging implements it on
 * {@code license.events}. The catalog owns the interface, so it does not depend on messaging, which
 * depends on the catalog's {@link Release}.
 */
public interface ReleaseEvents {

    /** Waits for the announcement: a failure fails the start or the call, and both are safe to repeat. */
    void published(Release release);
}
