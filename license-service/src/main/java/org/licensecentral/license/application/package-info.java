/**
 * The use cases that combine both sides of the service: processing a purchase and starting,
 * confirming and completing an attach. They read the read model (which licenses a purchase id or a
 * key names, the license a renewal renews), consult the catalog and send commands, so they can live
 * neither in {@code command}, which holds the aggregates and depends on {@code api} alone, nor in
 * {@code query}, which knows nothing of commands (issue 19). {@code web} and {@code messaging} call
 * them; the mails they request go out through {@link org.licensecentral.license.application.MailSender},
 * which messaging implements, so no package depends on another in a circle.
 */
package org.licensecentral.license.application;
