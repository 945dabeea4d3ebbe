// The session: the app or the logged-out screen, the header's account, logging out.

import { csrfToken, readCookie } from './api.js';
import { $, markReady } from './dom.js';

let loggedOut = false;

export const isLoggedOut = () => loggedOut;

export function showLoggedOut() {
  if (loggedOut) return;
  loggedOut = true;
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
  $('boot-message').hidden = true;
  $('app').hidden = true;
  $('account').hidden = true;
  $('logged-out').hidden = false;
  $('main').dataset.loading = 'false';
  markReady('logged-out');
}

export function showApp(session) {
  $('boot-message').hidden = true;
  $('logged-out').hidden = true;
  $('session-email').textContent = session.email ?? '';
  $('account').hidden = false;
  $('app').hidden = false;
}

/** Logout is a full-page form post; the CSRF token goes in as `_csrf`, read right before sending. */
export async function submitLogout(event) {
  const form = event.currentTarget;
  const token = readCookie('XSRF-TOKEN');
  if (token) {
    $('logout-csrf').value = token;
    return; // let the browser submit
  }
  event.preventDefault();
  $('logout-csrf').value = await csrfToken();
  form.submit();
}
