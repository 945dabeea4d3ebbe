// Sentences the portal builds from data. Pure, so every branch is unit tested; the DOM modules only
// put these texts into place.

import { formatDateTime, formatNumber, plural } from './format.js';

const HISTORY_LABELS = {
  LicenseIssued: 'License issued',
  LicenseAttached: 'Attached to an account',
  MaintenanceExtended: 'Maintenance extended',
  RemoteManagementToggled: 'Remote Management switched',
  LicenseActivationStatusChanged: 'Activation status changed',
};

/** A history entry's event in words; an event this portal does not know yet is split into words. */
export function historyLabel(event) {
  return HISTORY_LABELS[event] ?? String(event).replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** The history oldest first, by the event's sequence number (the answer's order is not promised). */
export const timeline = (history) => [...(history ?? [])].sort((a, b) => a.sequence - b.sequence);

export const modeLabel = (mode) =>
  mode === 'OFFLINE' ? 'Offline' : mode === 'ONLINE' ? 'Online' : String(mode ?? '—');

/** The text of an empty result when a search or filter is set. */
export function noResultsText({ q, status, product }) {
  if (!q) return 'No licenses match these filters.';
  return `No licenses match “${q}”${status || product ? ' with these filters' : ''}.`;
}

export function pageInfoText({ page, totalPages, totalItems }) {
  const pages = Math.max(1, totalPages);
  return `Page ${formatNumber(page + 1)} of ${formatNumber(pages)} · ${plural(totalItems, 'license', 'licenses')}`;
}

export function seatsText({ status, activeActivations, maxActivations }) {
  return status === 'ACTIVATED'
    ? `${activeActivations} of ${plural(maxActivations, 'machine', 'machines')}`
    : 'Not in use on any machine; this does not mean expired.';
}

/**
 * An offline machine cannot be told that it was deactivated, so it is freed with the code it shows
 * (or as a lost machine); an offline activation from before leases has no lease end and no code,
 * and is freed like an online one.
 */
export const isOfflineWithCode = (activation) => activation.mode === 'OFFLINE' && Boolean(activation.leaseEnds);

/** What the deactivate dialog says will happen to the machine, and when its seat is free. */
export function deactivationText(activation, product) {
  const machine = `${activation.hostname} (${product}, ${activation.licenseKey})`;
  if (isOfflineWithCode(activation)) {
    return (
      `${machine} was activated offline, so it cannot be told. ` +
      'On that machine, run "license-client deactivate --offline" (or the product\'s offline deactivation) and ' +
      `enter the code it shows. Without a code, its seat stays taken until ${formatDateTime(activation.leaseEnds)}.`
    );
  }
  return (
    `${machine} will be deactivated now, and its seat becomes ` +
    (activation.leaseEnds
      ? 'free for another machine. The product on that machine stops at its next check-in, at the latest when its ' +
        `lease ends (${formatDateTime(activation.leaseEnds)}).`
      : 'free for another machine. The product on that machine stops at its next check-in.')
  );
}

/** After an attach: how many licenses arrived, or (the list did not grow in time) that they will. */
export function attachedText(before, after) {
  return after > before
    ? `${plural(after - before, 'license was', 'licenses were')} attached to your account.`
    : 'Confirmed. The licenses of that purchase are attached to your account.';
}
