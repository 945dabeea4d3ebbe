// The attach dialog: licenses bought with another e-mail address move to this account in two
// steps, a code mailed to the purchase's address and that code entered here.

import { api, reloadUntil, showError } from './api.js';
import { attachArrived, attachBody, attachKindText, attachSearch } from './checks.js';
import { openDialog } from './dialogs.js';
import { $, announce, busy, clearMessage, say } from './dom.js';
import { formatDateTime } from './format.js';
import { licenseShown, loadLicenses, searchFor } from './licenses.js';
import { DEFAULT_SORT } from './url-state.js';
import { view } from './view.js';
import { attachedText, attachedTitle } from './wording.js';

// How long the list is followed after a confirmation: 20 loads half a second apart.
const ATTACH_LOADS = 20;
const ATTACH_LOAD_DELAY_MS = 500;

let attachRequest = null; // the started request (its id) and what it was started with, between step 1 and step 2

function describeAttachInput() {
  $('attach-kind').textContent = attachKindText($('attach-identifier').value);
}

function openAttach(opener) {
  attachStep(1);
  $('attach-identifier').value = '';
  describeAttachInput();
  openDialog($('attach-dialog'), opener);
  $('attach-identifier').focus();
}

function attachStep(step) {
  $('attach-step1').hidden = step !== 1;
  $('attach-step2').hidden = step !== 2;
  $('attach-step3').hidden = step !== 3;
  clearMessage($('attach-message'));
  if (step === 1) attachRequest = null;
  if (step === 2) $('attach-code').value = '';
}

async function sendAttachCode(event) {
  event.preventDefault();
  const value = $('attach-identifier').value;
  if (!value.trim()) {
    say($('attach-message'), 'Enter a purchase ID or a license key.', { error: true });
    $('attach-identifier').focus();
    return;
  }
  await busy($('attach-send'), async () => {
    try {
      const body = attachBody(value);
      const started = await api('/api/v1/license-attachments', { method: 'POST', body });
      attachRequest = { ...started, body };
      attachStep(2);
      const expires = started.expiresAt ? formatDateTime(started.expiresAt) : null;
      // The answer is the same whether or not the purchase exists, so it names no address.
      $('attach-sent').textContent =
        'If this purchase ID or license key is ours, we sent a code to the e-mail address ' +
        `it was bought with.${expires ? ` The code is valid until ${expires}.` : ''} Enter it here. ` +
        'If no mail arrives, check the purchase ID or key.';
      $('attach-code').focus();
    } catch (error) {
      showError(error, $('attach-message'));
    }
  });
}

async function confirmAttach(event) {
  event.preventDefault();
  const code = $('attach-code').value.trim().toUpperCase();
  if (!code) {
    say($('attach-message'), 'Enter the code from the e-mail.', { error: true });
    $('attach-code').focus();
    return;
  }
  const request = attachRequest;
  let attached = null;
  await busy($('attach-confirm'), async () => {
    try {
      // The answer names what the confirmation attaches: no guessing from the list.
      const answer = await api(`/api/v1/license-attachments/${encodeURIComponent(request.requestId)}/confirm`, {
        method: 'POST',
        body: { code },
      });
      attached = answer.licenses ?? [];
      attachStep(3);
      say($('attach-message'), 'Confirmed. Attaching the licenses…');
      $('attach-done').focus();
    } catch (error) {
      showError(error, $('attach-message'));
      $('attach-code').select();
    }
  });
  if (attached) await reportAttached(request.body, attached);
}

/** The account's licenses that the attach request's purchase id or key finds (the list's own search). */
async function matchingLicenses(body) {
  const params = new URLSearchParams({ q: attachSearch(body), sort: DEFAULT_SORT, page: '0', size: '100' });
  return (await api(`/api/v1/licenses?${params}`)).items;
}

/**
 * Attaching runs after the confirmation (license-service's AttachProcess, then its read model):
 * follow the request's licenses until every one the answer named is the account's, then say which
 * they are and show them in the list, without a reload.
 */
async function reportAttached(body, attached) {
  const ids = attached.map((license) => license.id);
  let arrived;
  try {
    let rows = [];
    arrived = await reloadUntil(
      async () => {
        rows = await matchingLicenses(body);
      },
      () => attachArrived(rows, ids),
      ATTACH_LOADS,
      ATTACH_LOAD_DELAY_MS,
    );
  } catch (error) {
    showError(error, $('attach-dialog').open ? $('attach-message') : undefined);
    return;
  }
  let searched = '';
  if (view.tab === 'licenses') {
    await loadLicenses();
    // Another page, a filter or the search may hide some of them: then the list searches for them.
    if (arrived && !ids.every((id) => licenseShown(id))) {
      searched = attachSearch(body);
      await searchFor(searched);
    }
  }
  const text = attachedText(attached.map(attachedTitle), searched, !arrived);
  if ($('attach-dialog').open) say($('attach-message'), text);
  else announce(text);
}

export function bindAttach() {
  $('attach-open').addEventListener('click', (e) => openAttach(e.currentTarget));
  $('empty-attach').addEventListener('click', (e) => openAttach(e.currentTarget));
  $('attach-identifier').addEventListener('input', describeAttachInput);
  $('attach-step1').addEventListener('submit', sendAttachCode);
  $('attach-step2').addEventListener('submit', confirmAttach);
  $('attach-restart').addEventListener('click', () => {
    attachStep(1);
    $('attach-identifier').focus();
  });
}
