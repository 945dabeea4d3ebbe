// Modal dialogs: focus goes back to what opened one when it closes.

import { $ } from './dom.js';
import { isLoggedOut } from './session.js';
import { view } from './view.js';

const dialogOpeners = new WeakMap();

/** Opens a modal dialog; on close, focus returns to what opened it (or the tab's heading). */
export function openDialog(dialog, opener) {
  dialogOpeners.set(dialog, opener ?? document.activeElement);
  if (!dialog.open) dialog.showModal();
}

/** Where focus goes when the dialog closes, for an opener that the dialog's action removes. */
export function returnFocusTo(dialog, target) {
  dialogOpeners.set(dialog, target);
}

function restoreFocus(dialog) {
  const opener = dialogOpeners.get(dialog);
  if (isLoggedOut()) return;
  if (opener?.isConnected && !opener.disabled && !opener.closest('[hidden]')) opener.focus();
  else $(view.tab === 'licenses' ? 'licenses-heading' : 'activations-heading').focus();
}

export function bindDialogs() {
  for (const dialog of document.querySelectorAll('dialog')) {
    dialog.addEventListener('close', () => restoreFocus(dialog));
  }
  for (const button of document.querySelectorAll('[data-close]')) {
    button.addEventListener('click', () => button.closest('dialog').close());
  }
}
