// What the banner for an unverified address says (issue 16): pure, so that every case is unit
// tested; verify-banner.js puts the texts into place.

import { ApiError, accountErrorText, waitText } from './problems.js';

/** The problem type's last path segment (identity-service's types, e.g. `verification-code-wrong`). */
export const problemName = (error) =>
  error instanceof ApiError ? String(error.problem.type ?? '').replace(/^.*\//, '') : '';

/** The address is confirmed already (another tab, the reset flow): the banner treats it as done. */
export const isAlreadyVerified = (error) => problemName(error) === 'already-verified';

/** An expired or used-up code: only a new one helps, so the resend button is where to go next. */
export const needsNewCode = (error) => problemName(error) === 'verification-code-expired';

/** A refused resend: past the per-account mail cap the code sent last still works. */
export function resendRefusedText(error) {
  if (error instanceof ApiError && error.status === 429) {
    return `We already sent several codes to this address within the hour. The last one still works; a new one can be sent ${waitText(error.retryAfter)}.`;
  }
  return accountErrorText(error);
}

/** The banner's opening sentence; the address itself is put in by the DOM module, as user input. */
export const bannerText = {
  before: 'Licenses bought with ',
  after:
    ' show up here once the address is confirmed. Enter the code from the mail we sent to it, or ask for a new one.',
};

export const resentText = (email) => `A new code is on its way to ${email}. Codes sent before it no longer work.`;

export const CONFIRMED_TEXT = 'Your e-mail address is confirmed. Licenses bought with it show up in the list.';

/** Confirmed, but the session's token could not be renewed (no refresh token): a new login brings it. */
export const CONFIRMED_RELOGIN_TEXT =
  'Your e-mail address is confirmed. Log out and in again to see the licenses bought with it.';
