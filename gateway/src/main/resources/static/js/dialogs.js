// Modal dialogs (native <dialog> with showModal(): Escape closes them, the page behind is inert):
// Tab and Shift+Tab cycle inside, and focus goes back to what opened one when it closes.

import { $ } from './dom.js';
import { trappedTabTarget } from './focus-trap.js';
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

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** The dialog's controls that Tab reaches now: not disabled, not in a hidden step, not tabindex=-1. */
const tabbables = (dialog) =>
  [...dialog.querySelectorAll(TABBABLE)].filter(
    (node) => node.tabIndex >= 0 && !node.disabled && node.getClientRects().length > 0,
  );

function trapTab(event) {
  if (event.key !== 'Tab') return;
  const controls = tabbables(event.currentTarget);
  const target = trappedTabTarget(controls.indexOf(document.activeElement), controls.length, event.shiftKey);
  if (target < 0) return;
  event.preventDefault();
  controls[target].focus();
}

export function bindDialogs() {
  for (const dialog of document.querySelectorAll('dialog')) {
    dialog.addEventListener('close', () => restoreFocus(dialog));
    dialog.addEventListener('keydown', trapTab);
  }
  for (const button of document.querySelectorAll('[data-close]')) {
    button.addEventListener('click', () => button.closest('dialog').close());
  }
}
