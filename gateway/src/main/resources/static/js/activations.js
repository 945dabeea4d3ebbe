// Activations tab: the machines using the account's licenses, deactivating one (online, offline
// with the machine's code, or as a lost machine), and offline activation.

import { api, reloadUntil, showError } from './api.js';
import { productName } from './catalog.js';
import { openDialog, returnFocusTo } from './dialogs.js';
import {
  $,
  announce,
  busy,
  cell,
  clearMessage,
  copyText,
  el,
  keepFocus,
  markReady,
  say,
  setLoading,
  timeElement,
} from './dom.js';
import { formatDate, formatDateTime, productTitle } from './format.js';
import { deactivationText, isOfflineWithCode, modeLabel } from './wording.js';

let activations = null; // the last list loaded
let pendingDeactivation = null; // the activation the deactivate dialog is about

export async function loadActivations() {
  const panel = $('panel-activations');
  setLoading(panel, $('activations-loading'), true);
  try {
    activations = await api('/api/v1/activations');
    renderActivations(activations);
  } catch (error) {
    showError(error);
  } finally {
    setLoading(panel, $('activations-loading'), false);
    markReady('activations');
  }
}

/** Shows the list again, e.g. once the catalog arrived: product names were codes until then. */
export function renderActivationsAgain() {
  if (activations) renderActivations(activations);
}

/**
 * The activations list is a read model that follows a change a moment later: reload a few times
 * until it shows what the change did, so a person never sees a list that contradicts the message.
 */
async function reloadActivationsUntil(shows) {
  await reloadUntil(loadActivations, () => shows(activations ?? []), 10, 500);
}

function renderActivations(rows) {
  $('activations-empty').hidden = rows.length > 0;
  $('activations-wrap').hidden = rows.length === 0;
  keepFocus($('activations-body'), 'data-activation-id', () =>
    $('activations-body').replaceChildren(...rows.map(activationRow)),
  );
}

function activationRow(activation) {
  const product = productTitle(productName(activation.product), activation.edition);
  const deactivate = el(
    'button',
    {
      type: 'button',
      class: 'button button-small button-danger',
      testid: 'deactivate',
      'aria-label': `Deactivate ${activation.hostname}`,
    },
    'Deactivate',
  );
  deactivate.addEventListener('click', () => askDeactivate(activation, product, deactivate));
  return el(
    'tr',
    { testid: 'activation-row', data: { activationId: activation.id, licenseId: activation.licenseId } },
    el('th', { scope: 'row', data: { label: 'Machine' }, testid: 'activation-hostname', text: activation.hostname }),
    cell(
      'License',
      el('span', { class: 'product', text: product }),
      el('code', { class: 'hint', testid: 'activation-license-key', text: activation.licenseKey }),
    ),
    cell('Product version', activation.productVersion ?? '—'),
    cell(
      'Mode',
      el('span', { testid: 'activation-mode', data: { mode: activation.mode }, text: modeLabel(activation.mode) }),
    ),
    cell('Activated', timeElement(activation.activatedAt, { withTime: true })),
    cell(
      'Lease ends',
      el('span', { testid: 'activation-lease-ends' }, timeElement(activation.leaseEnds, { withTime: true })),
    ),
    cell('Actions', deactivate),
  );
}

/**
 * An online machine is freed at once and learns it at its next check-in. An offline machine
 * cannot be told, so the dialog asks for the code it prints when it removes its key, and offers
 * the limited lost-machine release.
 */
function askDeactivate(activation, product, opener) {
  pendingDeactivation = activation;
  const offline = isOfflineWithCode(activation);
  $('deactivate-text').textContent = deactivationText(activation, product);
  $('deactivate-offline').hidden = !offline;
  $('confirm-deactivate').hidden = offline;
  $('deactivate-code').value = '';
  clearMessage($('deactivate-message'));
  openDialog($('deactivate-dialog'), opener);
  if (offline) {
    $('deactivate-code').focus();
  } else {
    // Cancel first: the safe choice is where Enter lands.
    $('deactivate-dialog').querySelector('[data-testid="cancel-deactivate"]').focus();
  }
}

/** Sends one way of freeing the pending activation's seat, then closes the dialog and follows the list. */
async function freeSeat(button, request, done) {
  const activation = pendingDeactivation;
  if (!activation) return;
  await busy(button, async () => {
    try {
      await request(`/api/v1/activations/${encodeURIComponent(activation.id)}`);
      pendingDeactivation = null;
      // The row and its button go away with the reload: focus lands on the heading instead.
      returnFocusTo($('deactivate-dialog'), $('activations-heading'));
      $('deactivate-dialog').close();
      announce(`${activation.hostname} ${done}.`);
      await reloadActivationsUntil((rows) => !rows.some((row) => row.id === activation.id));
    } catch (error) {
      showError(error, $('deactivate-message'));
    }
  });
}

function confirmDeactivate() {
  return freeSeat($('confirm-deactivate'), (path) => api(path, { method: 'DELETE' }), 'was deactivated');
}

function confirmOfflineDeactivate(event) {
  event.preventDefault();
  const deactivationCode = $('deactivate-code').value.trim();
  if (!deactivationCode) {
    say($('deactivate-message'), 'Enter the deactivation code the machine shows.', { error: true });
    $('deactivate-code').focus();
    return undefined;
  }
  return freeSeat(
    $('confirm-offline-deactivate'),
    (path) => api(`${path}/offline-deactivation`, { method: 'POST', body: { deactivationCode } }),
    'was deactivated',
  );
}

function releaseLostMachine() {
  return freeSeat(
    $('release-lost'),
    (path) => api(`${path}/lost-machine-release`, { method: 'POST' }),
    'was released as a lost machine',
  );
}

// Offline activation ---------------------------------------------------------------------------

async function activateOffline(event) {
  event.preventDefault();
  const serviceKey = $('offline-service-key').value.trim();
  if (!serviceKey) {
    say($('offline-message'), 'Paste the service key that the product shows.', { error: true });
    $('offline-service-key').focus();
    return;
  }
  await busy($('offline-activate'), async () => {
    try {
      const result = await api('/api/v1/activations/offline', { method: 'POST', body: { serviceKey } });
      $('offline-activation-key').value = result.activationKey;
      $('offline-result').hidden = false;
      const until = result.maintenanceUntil ? ` Maintenance runs till ${formatDate(result.maintenanceUntil)}.` : '';
      const lease = result.leaseEnds ? ` The machine holds its seat until ${formatDateTime(result.leaseEnds)}.` : '';
      say(
        $('offline-message'),
        `Activated. Copy the activation key into the product, or download it as a file.${lease}${until}`,
      );
      $('offline-activation-key').focus();
      reloadActivationsUntil((rows) => rows.some((row) => row.id === result.activationId));
    } catch (error) {
      $('offline-result').hidden = true;
      showError(error, $('offline-message'));
    }
  });
}

function downloadActivationKey() {
  const blob = new Blob([$('offline-activation-key').value], { type: 'text/plain' });
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: 'activation-key.txt', class: 'visually-hidden' });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob only after click() returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  announce('Activation key saved as activation-key.txt.');
}

export function bindActivations() {
  $('confirm-deactivate').addEventListener('click', confirmDeactivate);
  $('deactivate-offline').addEventListener('submit', confirmOfflineDeactivate);
  $('release-lost').addEventListener('click', releaseLostMachine);
  $('offline-form').addEventListener('submit', activateOffline);
  $('offline-copy').addEventListener('click', (e) => copyText($('offline-activation-key').value, e.currentTarget));
  $('offline-download').addEventListener('click', downloadActivationKey);
}
