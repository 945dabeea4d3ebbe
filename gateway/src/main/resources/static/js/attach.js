// The attach dialog: licenses bought with another e-mail address move to this account in two
// steps, a code mailed to the purchase's address and that code entered here.

import { api, reloadUntil, showError } from './api.js';
import { attachBody, attachKindText } from './checks.js';
import { openDialog } from './dialogs.js';
import { $, announce, busy, clearMessage, say } from './dom.js';
import { formatDateTime } from './format.js';
import { licenseCount, loadLicenses } from './licenses.js';
import { view } from './view.js';
import { attachedText } from './wording.js';

let attachRequest = null; // the started request (its id), between step 1 and step 2

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
      const started = await api('/api/v1/license-attachments', { method: 'POST', body: attachBody(value) });
      attachRequest = started;
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
  const before = licenseCount();
  await busy($('attach-confirm'), async () => {
    try {
      await api(`/api/v1/license-attachments/${encodeURIComponent(attachRequest.requestId)}/confirm`, {
        method: 'POST',
        body: { code },
      });
      $('attach-dialog').close();
      announce('Confirmed. The licenses are being attached to your account.');
      await reloadAfterAttach(before);
    } catch (error) {
      showError(error, $('attach-message'));
      $('attach-code').select();
    }
  });
}

/**
 * Attaching runs after the confirmation (license-service's event processor), so the list may
 * lag a moment: reload a few times until it grows, then say how many arrived.
 */
async function reloadAfterAttach(before) {
  await reloadUntil(
    async () => {
      if (view.tab === 'licenses') await loadLicenses();
    },
    () => licenseCount() > before,
    5,
    1000,
  );
  announce(attachedText(before, licenseCount()));
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
