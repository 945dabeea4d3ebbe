// The banner for an unverified address (issue 16): above the tabs while the session says the
// e-mail address is not verified, with the code's field, "Send the code again" and what went wrong.
// On success it renews the session's token (the services go by its email_verified), goes away and
// lets the entry module load the licenses.
//
// identity-service's own-account API, through the gateway with the session's token: the caller
// is known, so its answers may say a wrong code from an expired one and how long a new one waits.

import { api } from './api.js';
import { compactCode } from './checks.js';
import { $, busy, el, say, visible } from './dom.js';
import { accountErrorText } from './problems.js';
import {
  CONFIRMED_RELOGIN_TEXT,
  CONFIRMED_TEXT,
  bannerText,
  isAlreadyVerified,
  needsNewCode,
  resendRefusedText,
  resentText,
} from './verification.js';

let verified = () => {};

function build(email) {
  const banner = el(
    'section',
    { id: 'verify-banner', class: 'verify-banner', testid: 'verify-banner', 'aria-labelledby': 'verify-title' },
    el('h2', { id: 'verify-title', text: 'Confirm your e-mail address' }),
    el('p', { id: 'verify-text' }, bannerText.before, el('strong', { text: email }), bannerText.after),
    el(
      'form',
      { id: 'verify-form', testid: 'verify-form', novalidate: true },
      el(
        'div',
        { class: 'field' },
        el('label', { for: 'verify-code', text: 'Code from the mail' }),
        el('input', {
          id: 'verify-code',
          testid: 'verify-code',
          maxlength: 32,
          required: true,
          autocomplete: 'one-time-code',
          spellcheck: 'false',
          autocapitalize: 'characters',
          'aria-describedby': 'verify-text verify-message',
        }),
      ),
      el(
        'p',
        { class: 'button-row' },
        el('button', {
          type: 'submit',
          id: 'verify-submit',
          class: 'button button-primary',
          testid: 'verify-submit',
          text: 'Confirm address',
        }),
        el('button', {
          type: 'button',
          id: 'verify-resend',
          class: 'button',
          testid: 'verify-resend',
          text: 'Send the code again',
        }),
      ),
    ),
    el('p', { id: 'verify-message', class: 'message', testid: 'verify-message', 'aria-live': 'polite' }),
  );
  banner.querySelector('form').addEventListener('submit', submitCode);
  banner.querySelector('#verify-resend').addEventListener('click', () => resendCode(email));
  return banner;
}

async function submitCode(event) {
  event.preventDefault();
  const input = $('verify-code');
  if (!input.value.trim()) {
    say($('verify-message'), 'Enter the code from the mail.', { error: true });
    input.focus();
    return;
  }
  await busy($('verify-submit'), async () => {
    try {
      await api('/api/v1/account/verification', { method: 'POST', body: { code: compactCode(input.value) } });
      await confirmed();
    } catch (error) {
      if (isAlreadyVerified(error)) {
        await confirmed();
        return;
      }
      say($('verify-message'), accountErrorText(error), { error: true });
      const next = needsNewCode(error) ? $('verify-resend') : input;
      next.focus();
      if (next === input) input.select();
    }
  });
}

async function resendCode(email) {
  await busy($('verify-resend'), async () => {
    try {
      await api('/api/v1/account/verification-code', { method: 'POST' });
      $('verify-code').value = '';
      say($('verify-message'), resentText(email));
      $('verify-code').focus();
    } catch (error) {
      if (isAlreadyVerified(error)) {
        await confirmed();
        return;
      }
      say($('verify-message'), resendRefusedText(error), { error: true });
    }
  });
}

/**
 * The address is confirmed: the session's token is renewed so that the services see it, then the
 * banner goes, the focus moves to the licenses' heading (or the page, on the other tab) and the
 * entry module loads the tab's data again.
 */
async function confirmed() {
  const session = await api('/api/v1/session/refresh', { method: 'POST' });
  if (!session.emailVerified) {
    say($('verify-message'), CONFIRMED_RELOGIN_TEXT);
    return;
  }
  $('verify-banner').remove();
  say($('status-message'), CONFIRMED_TEXT);
  // The banner had the focus; without a new place for it, it would fall to the page's body.
  (visible($('licenses-heading')) ? $('licenses-heading') : $('main')).focus();
  verified();
}

/** Shows the banner for a session whose address is not verified, above the tabs; `onVerified` runs after. */
export function showVerifyBanner(session, onVerified) {
  $('verify-banner')?.remove();
  if (session.emailVerified !== false) return;
  verified = onVerified;
  $('app').prepend(build(session.email ?? ''));
}
