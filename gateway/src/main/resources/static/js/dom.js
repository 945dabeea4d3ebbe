// DOM helpers. Every node is built with createElement/textContent (never innerHTML), and state is
// shown with classes and the `hidden` attribute (no inline styles), so that the CSP
// `default-src 'self'` holds and server data cannot inject markup.

import { timeText } from './format.js';

export const $ = (id) => document.getElementById(id);

/** Builds an element; `text` sets textContent, `testid` the data-testid, `data` the dataset. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key === 'testid') node.dataset.testid = value;
    else if (key === 'data') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** A table cell with the label that phones show in front of it (app.css, stacked rows). */
export const cell = (label, ...content) => el('td', { data: { label } }, ...content);

export function icon(name) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', `icon icon-${name}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const use = document.createElementNS(ns, 'use');
  use.setAttribute('href', `#icon-${name}`);
  svg.append(use);
  return svg;
}

/** A <time> for a LocalDate or (withTime) an instant; a dash for none. */
export function timeElement(value, options = {}) {
  const shown = timeText(value, options);
  if (!shown) return el('span', { text: '—' });
  if (!shown.datetime) return el('span', { text: shown.text });
  return el('time', { datetime: shown.datetime, text: shown.text });
}

/**
 * Runs render(), which rebuilds rows within `container`, and puts focus back on the same control
 * (its data-testid) of the same row (its `rowAttribute`, e.g. data-license-id): a replaced row takes
 * its focused control with it, and a keyboard user would start again at the top of the page.
 */
export function keepFocus(container, rowAttribute, render) {
  const focused = document.activeElement;
  const row = focused && container.contains(focused) ? focused.closest(`[${rowAttribute}]`) : null;
  const testid = focused?.dataset?.testid;
  render();
  if (!row || !testid || focused.isConnected) return;
  const key = CSS.escape(row.getAttribute(rowAttribute));
  container.querySelector(`[${rowAttribute}="${key}"] [data-testid="${CSS.escape(testid)}"]`)?.focus();
}

let uniqueIds = 0;
export const uniqueId = (prefix) => `${prefix}-${++uniqueIds}`;

const pendingMessages = new WeakMap();

/** Shows a message in a live region. Cleared first, so that the same text twice is announced twice. */
export function say(region, text, { error = false } = {}) {
  clearTimeout(pendingMessages.get(region));
  region.textContent = '';
  region.classList.toggle('is-error', error);
  region.classList.toggle('is-success', !error && Boolean(text));
  // A fresh text node in a later task is what screen readers reliably pick up.
  pendingMessages.set(
    region,
    setTimeout(() => {
      region.textContent = text;
    }, 30),
  );
}

export const clearMessage = (region) => say(region, '');

export const announce = (text) => say($('status-message'), text);

export const visible = (node) => !node.closest('[hidden]');

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// Loading state, so that people and tests can tell when data is in ------------------------------

const loadsRunning = new Map(); // panel id -> loads in flight (a new search may start before the last ends)

export function setLoading(panel, loadingText, on) {
  const count = (loadsRunning.get(panel.id) ?? 0) + (on ? 1 : -1);
  loadsRunning.set(panel.id, count);
  panel.dataset.loading = String(count > 0);
  panel.setAttribute('aria-busy', String(count > 0));
  loadingText.hidden = count === 0;
  $('main').dataset.loading = String([...loadsRunning.values()].some((n) => n > 0));
  if (on) document.body.dataset.ready = '';
}

export const markReady = (what) => {
  document.body.dataset.ready = what;
};

// Buttons: busy while they act, copying ----------------------------------------------------------

/** Disables the button while the action runs, so a double click sends once. */
export async function busy(button, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

export async function copyText(text, button) {
  let copied = false;
  if (navigator.clipboard && window.isSecureContext) {
    copied = await navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
  }
  if (!copied) copied = legacyCopy(text);
  announce(copied ? 'Copied' : 'Could not copy; select the text and copy it yourself.');
  if (copied && button) {
    button.classList.add('is-copied');
    setTimeout(() => button.classList.remove('is-copied'), 2000);
  }
}

/** For browsers or contexts without the async clipboard API (plain http, older WebViews). */
function legacyCopy(text) {
  const focused = document.activeElement;
  const area = el('textarea', { class: 'offscreen', readonly: true, 'aria-hidden': 'true' });
  area.value = text;
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  focused?.focus();
  return copied;
}
