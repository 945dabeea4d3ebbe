// Welcome screen: create an account, reset a forgotten password.
//
// identity-service's account API, reached through the gateway without a login. The gateway still
// wants the CSRF header on these POSTs (api() sends it) and rate-limits them per address (429).
// No answer tells whether an address has an account, so no text here may claim either way.

import { api } from './api.js';
import { compactCode } from './checks.js';
import { $, busy, clearMessage, el, say, visible } from './dom.js';
import { ApiError, accountErrorText, isWeakPassword, problemField } from './problems.js';
import { accountFlowFromHash } from './url-state.js';

const ACCOUNT_FLOWS = {
  register: {
    opener: 'register-open',
    panel: 'register-panel',
    message: 'register-message',
    steps: [
      ['register-step1', 'register-email'],
      ['register-step2', 'register-code'],
    ],
    fields: { email: 'register-email', password: 'register-password', code: 'register-code' },
  },
  reset: {
    opener: 'reset-open',
    panel: 'reset-panel',
    message: 'reset-message',
    steps: [
      ['reset-step1', 'reset-email'],
      ['reset-step2', 'reset-code'],
    ],
    fields: { email: 'reset-email', newPassword: 'reset-password', code: 'reset-code' },
  },
};

const accountEmail = { register: null, reset: null }; // the address step 1 sent the code to, per flow

/** Opens one panel (closing the other) at the step it was left in, or closes it if it is open. */
function toggleAccountPanel(name) {
  const flow = ACCOUNT_FLOWS[name];
  if (!$(flow.panel).hidden) {
    closeAccountPanel(name);
    return;
  }
  for (const other of Object.keys(ACCOUNT_FLOWS)) {
    if (other !== name) closeAccountPanel(other, { focusOpener: false });
  }
  $(flow.panel).hidden = false;
  $(flow.opener).setAttribute('aria-expanded', 'true');
  // A finished flow starts afresh; one that was left halfway keeps its step, so a code already
  // mailed can still be entered after closing the panel by mistake.
  const step = flow.steps.findIndex(([form]) => !$(form).hidden);
  if (step < 0) {
    for (const [form] of flow.steps) $(form).reset();
    accountStep(name, 1);
  } else {
    $(flow.steps[step][1]).focus();
  }
}

function closeAccountPanel(name, { focusOpener = true } = {}) {
  const flow = ACCOUNT_FLOWS[name];
  if ($(flow.panel).hidden) return;
  $(flow.panel).hidden = true;
  $(flow.opener).setAttribute('aria-expanded', 'false');
  if (focusOpener) $(flow.opener).focus();
}

/** Shows step 1 or 2 (0: none, the flow is done) and puts the focus on the step's first field. */
function accountStep(name, step) {
  const flow = ACCOUNT_FLOWS[name];
  flow.steps.forEach(([form], index) => {
    $(form).hidden = index + 1 !== step;
  });
  clearMessage($(flow.message));
  if (step === 2) $(flow.steps[1][1]).value = '';
  if (step > 0) $(flow.steps[step - 1][1]).focus();
}

/** Ends a flow: the steps go, the message stays, and Log in is where the focus lands. */
function finishAccountFlow(name, text) {
  accountStep(name, 0);
  accountEmail[name] = null;
  say($(ACCOUNT_FLOWS[name].message), text);
  $('login').focus();
}

/** Checks that a field is filled in; if not, says so and puts the focus there. */
function filledIn(name, input, text) {
  if (input.value.trim()) return true;
  say($(ACCOUNT_FLOWS[name].message), text, { error: true });
  input.focus();
  return false;
}

/**
 * Shows a failure of an account call, and puts the focus on the field to correct. Unlike
 * showError() it also shows a 401: on this screen nobody is logged in, so that is not "logged out".
 */
function showAccountError(name, error, fallbackField) {
  if (!(error instanceof ApiError)) console.error(error);
  const flow = ACCOUNT_FLOWS[name];
  say($(flow.message), accountErrorText(error), { error: true });
  const field = isWeakPassword(error)
    ? (flow.fields.password ?? flow.fields.newPassword)
    : flow.fields[problemField(error)];
  const input = field && visible($(field)) ? $(field) : $(fallbackField);
  input.focus();
  if (input.select) input.select();
}

/** The text of step 2: where the code went, built from nodes since the address is user input. */
function describeSentCode(target, email, more) {
  target.replaceChildren('Enter the code from the mail to ', el('strong', { text: email }), `. ${more}`);
}

async function register(event) {
  event.preventDefault();
  const email = $('register-email').value.trim();
  if (!filledIn('register', $('register-email'), 'Enter your e-mail address.')) return;
  if (!filledIn('register', $('register-password'), 'Choose a password.')) return;
  await busy($('register-submit'), async () => {
    try {
      await api('/api/v1/accounts', { method: 'POST', body: { email, password: $('register-password').value } });
      showRegisterCodeStep(email);
      say($('register-message'), 'If this address can be registered, we sent a code to it.');
    } catch (error) {
      showAccountError('register', error, 'register-email');
    }
  });
}

/**
 * For a code mailed earlier (the tab was closed meanwhile): registering again would not mail a new
 * one for an address already registered, and would silently ignore the password typed in.
 */
function enterRegisterCode() {
  if (!filledIn('register', $('register-email'), 'Enter the e-mail address the code was sent to.')) return;
  showRegisterCodeStep($('register-email').value.trim());
}

function showRegisterCodeStep(email) {
  accountEmail.register = email;
  accountStep('register', 2);
  describeSentCode(
    $('register-sent'),
    email,
    'No mail after a few minutes? Check the address and your spam ' +
      'folder. An address that already has an account gets no new code: log in, or reset your password.',
  );
}

async function verifyRegistration(event) {
  event.preventDefault();
  if (!filledIn('register', $('register-code'), 'Enter the code from the e-mail.')) return;
  await busy($('register-verify'), async () => {
    try {
      await api('/api/v1/accounts/verification', {
        method: 'POST',
        body: { email: accountEmail.register, code: compactCode($('register-code').value) },
      });
      finishAccountFlow('register', 'Your e-mail address is confirmed. You can now log in.');
    } catch (error) {
      showAccountError('register', error, 'register-code');
    }
  });
}

async function requestPasswordReset(event) {
  event.preventDefault();
  const email = $('reset-email').value.trim();
  if (!filledIn('reset', $('reset-email'), 'Enter the e-mail address of your account.')) return;
  await busy($('reset-submit'), async () => {
    try {
      await api('/api/v1/accounts/password-reset', { method: 'POST', body: { email } });
      accountEmail.reset = email;
      $('reset-username').value = email;
      $('reset-password').value = '';
      accountStep('reset', 2);
      describeSentCode(
        $('reset-sent'),
        email,
        'Then choose a new password. No mail after a few minutes? Check the address and your spam folder.',
      );
      say($('reset-message'), 'If this address has an account, we sent a code to it.');
    } catch (error) {
      showAccountError('reset', error, 'reset-email');
    }
  });
}

async function resetPassword(event) {
  event.preventDefault();
  if (!filledIn('reset', $('reset-code'), 'Enter the code from the e-mail.')) return;
  if (!filledIn('reset', $('reset-password'), 'Choose a new password.')) return;
  await busy($('reset-confirm'), async () => {
    try {
      await api('/api/v1/accounts/password-reset/confirmation', {
        method: 'POST',
        body: {
          email: accountEmail.reset,
          code: compactCode($('reset-code').value),
          newPassword: $('reset-password').value,
        },
      });
      finishAccountFlow('reset', 'Your password was changed. You can now log in.');
    } catch (error) {
      showAccountError('reset', error, 'reset-code');
    }
  });
}

/** Escape closes the panel it is pressed in, like it closes the dialogs, and focus goes back to its button. */
function onAccountPanelKeydown(name, event) {
  if (event.key !== 'Escape' || event.isComposing) return;
  event.preventDefault();
  closeAccountPanel(name);
}

/** Opens the flow that the URL's fragment names (identity-service's login page links), if any. */
export function openAccountFlowFromUrl() {
  const name = accountFlowFromHash(window.location.hash);
  if (name && $(ACCOUNT_FLOWS[name].panel).hidden) toggleAccountPanel(name);
}

export function bindAccount() {
  for (const name of Object.keys(ACCOUNT_FLOWS)) {
    const flow = ACCOUNT_FLOWS[name];
    $(flow.opener).addEventListener('click', () => toggleAccountPanel(name));
    $(flow.panel).addEventListener('keydown', (event) => onAccountPanelKeydown(name, event));
    for (const button of $(flow.panel).querySelectorAll('[data-panel-close]')) {
      button.addEventListener('click', () => closeAccountPanel(name));
    }
  }
  $('register-step1').addEventListener('submit', register);
  $('register-have-code').addEventListener('click', enterRegisterCode);
  $('register-step2').addEventListener('submit', verifyRegistration);
  $('register-restart').addEventListener('click', () => accountStep('register', 1));
  $('reset-step1').addEventListener('submit', requestPasswordReset);
  $('reset-step2').addEventListener('submit', resetPassword);
  $('reset-restart').addEventListener('click', () => accountStep('reset', 1));
}
