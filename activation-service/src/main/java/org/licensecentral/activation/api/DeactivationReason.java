package org.licensecentral.activation.api;

/** Why a seat was freed; the history and a refused check-in say it. */
public enum DeactivationReason {
    /** The owner, in the portal, for an online machine. */
    DEACTIVATED_BY_OWNER,
    /** The owner, with the deactivation code the offline machine printed when it removed its key. */
    OFFLINE_DEACTIVATION,
    /** The owner, without a proof, for a lost machine (limited per license). */
    LOST_MACHINE_RELEASE,
    /** The machine did not renew its lease before it ended. */
    LEASE_EXPIRED,
    /** The installed product itself, online. */
    RELEASED_BY_PRODUCT,
    /** Recorded before reasons were (revision 1 of the event). */
    UNKNOWN
}
