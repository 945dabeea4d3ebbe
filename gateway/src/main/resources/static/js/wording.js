// Sentences the portal builds from data. Pure, so every branch is unit tested; the DOM modules only
// put these texts into place.

import { formatDate, formatDateTime, formatNumber, plural, productTitle } from './format.js';

const HISTORY_LABELS = {
  LicenseIssued: 'License issued',
  LicenseAttached: 'Attached to an account',
  MaintenanceExtended: 'Maintenance extended',
  RemoteManagementToggled: 'Remote Management switched',
  LicenseActivationStatusChanged: 'Activation status changed',
};

/** An event's name alone: an event this portal does not know yet is split into words. */
export function historyLabel(event) {
  return HISTORY_LABELS[event] ?? String(event).replace(/([a-z])([A-Z])/g, '$1 $2');
}

// Why a seat was freed: activation-service's reasons (docs/events, machine-deactivated.v1).
const RELEASES = {
  DEACTIVATED_BY_OWNER: (machine) => `Deactivated on ${machine}`,
  OFFLINE_DEACTIVATION: (machine) => `Deactivated on ${machine} with its offline deactivation code`,
  LOST_MACHINE_RELEASE: (machine) => `Released from ${machine} as a lost machine`,
  LEASE_EXPIRED: (machine) => `Released from ${machine}: its lease ended without a check-in`,
  RELEASED_BY_PRODUCT: (machine) => `Released by the product on ${machine}`,
};

function activationText({ machine, machineActivated, reason, activeActivations }) {
  if (machineActivated === undefined) {
    // Stored before license-service kept the machine: the count is all there is.
    return activeActivations > 0
      ? `Activation status changed: in use on ${plural(activeActivations, 'machine', 'machines')}`
      : 'Activation status changed: not in use on any machine';
  }
  const name = machine || 'a machine';
  if (machineActivated) return `Activated on ${name}`;
  return (RELEASES[reason] ?? ((m) => `Released from ${m}`))(name);
}

/**
 * A history entry in words (issue 16): Remote Management on or off, which machine was activated or
 * released and why, from whom and to whom it was attached (the addresses come masked), to which
 * day maintenance was extended. Without the details an entry says what its event's name says.
 */
export function historyText({ event, details = {} }) {
  switch (event) {
    case 'RemoteManagementToggled':
      if (details.remoteManagementAllowed === undefined) break;
      return `Remote Management switched ${details.remoteManagementAllowed ? 'on' : 'off'}`;
    case 'LicenseActivationStatusChanged':
      if (details.activeActivations === undefined) break;
      return activationText(details);
    case 'LicenseAttached':
      if (!details.toEmail) break;
      return details.fromEmail
        ? `Attached from ${details.fromEmail} to ${details.toEmail}`
        : `Attached to ${details.toEmail}`;
    case 'MaintenanceExtended':
      if (!details.maintenanceUntil) break;
      return `Maintenance extended to ${formatDate(details.maintenanceUntil)}`;
    default:
      break;
  }
  return historyLabel(event);
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

// Catalog products with Remote Management honour the switch from this version on (license-service's
// catalog.json, remoteManagementSince). GET /api/v1/catalog answers only whether a product has it,
// so the rule is written out here, in the words of RemoteManagementNotSupportedException.
export const REMOTE_MANAGEMENT_RULE = 'Backup 5.2 and newer';

/** Next to a switch that cannot be used: why, so that nobody has to find a tooltip. */
export const remoteManagementUnavailableText = (productName) =>
  `Not available: Remote Management is for ${REMOTE_MANAGEMENT_RULE} only, not for ${productName}.`;

const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

/** "Backup Server (2) and Explorer Standard": licenses named as the list names them, the same one counted. */
export function licenseNames(titles) {
  const counts = new Map();
  for (const title of titles) counts.set(title, (counts.get(title) ?? 0) + 1);
  return listFormat.format([...counts].map(([title, count]) => (count > 1 ? `${title} (${count})` : title)));
}

/**
 * After an attach: which licenses it attached (their product titles, from the confirm answer);
 * `searched` is the search the list was turned to so that it shows them, `pending` that the list
 * did not show them all in time.
 */
export function attachedText(titles, searched = '', pending = false) {
  if (titles.length === 0) {
    return 'Confirmed. The licenses of that purchase are being attached to your account and show up in the list shortly.';
  }
  const shown = searched ? ` The list now shows the licenses matching “${searched}”.` : '';
  const later = pending ? ' They show up in the list shortly.' : '';
  return `${plural(titles.length, 'license was', 'licenses were')} attached to your account: ${licenseNames(titles)}.${shown}${later}`;
}

/**
 * What an attached license is named by: its product and edition from the confirm answer, or, when
 * license-service's read model lacked it (rebuilt just then) and the answer has its id alone, "a
 * license", so that it is still counted.
 */
export const attachedTitle = (license) =>
  license.productName ? productTitle(license.productName, license.edition) : 'a license';
