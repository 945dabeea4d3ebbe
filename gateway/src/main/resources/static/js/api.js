// HTTP: the CSRF token, problem+json and 401. Every call to License Central goes through api().

import { $, say } from './dom.js';
import { ApiError, errorText, retryAfterSeconds } from './problems.js';

let unauthorized = () => {};

/** What to do when any call answers 401 (the session ended): the entry module shows the logged-out screen. */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

export function readCookie(name) {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** The gateway sets XSRF-TOKEN on any response; when it is not there yet, one cheap GET gets it. */
export async function csrfToken() {
  let token = readCookie('XSRF-TOKEN');
  if (!token) {
    await fetch('/api/v1/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(
      () => null,
    );
    token = readCookie('XSRF-TOKEN');
  }
  return token ?? '';
}

async function send(path, method, body, token) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token !== undefined) headers['X-XSRF-TOKEN'] = token;
  return fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Calls the API; answers the parsed JSON (null for 204), throws ApiError for any non-2xx. */
export async function api(path, { method = 'GET', body } = {}) {
  const mutating = method !== 'GET';
  let token = mutating ? await csrfToken() : undefined;
  let response = await send(path, method, body, token);
  if (mutating && response.status === 403) {
    // A rotated or expired CSRF token: refresh it once and retry, only if it really changed.
    const before = token;
    await fetch('/api/v1/session', { credentials: 'same-origin' }).catch(() => null);
    token = readCookie('XSRF-TOKEN') ?? '';
    if (token && token !== before) response = await send(path, method, body, token);
  }
  const type = response.headers.get('Content-Type') || '';
  const data = response.status !== 204 && type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.status === 401) {
    unauthorized();
  }
  if (!response.ok) {
    throw new ApiError(response.status, data ?? {}, retryAfterSeconds(response.headers.get('Retry-After')));
  }
  return data;
}

/** Shows a failure in the given live region; a 401 already switched to the logged-out screen. */
export function showError(error, region = $('status-message')) {
  if (error instanceof ApiError && error.status === 401) return;
  if (!(error instanceof ApiError)) console.error(error);
  say(region, errorText(error), { error: true });
}

/**
 * Read models follow a change a moment later: calls load() up to `attempts` times, `delay` ms
 * apart, until shows() holds; says whether it did.
 */
export async function reloadUntil(load, shows, attempts, delay) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    await load();
    if (shows()) return true;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return false;
}
