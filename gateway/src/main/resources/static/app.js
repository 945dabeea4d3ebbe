// License Central customer portal. Plain ES2020, no dependencies, no build step.
//
// Rules this file keeps, so that the CSP `default-src 'self'` holds and server data cannot inject
// markup: every DOM node is built with createElement/textContent (never innerHTML), no inline
// styles (state is shown with classes and the `hidden` attribute), and every URL that comes from
// the server is checked before it becomes a link or a navigation target.

const PAGE_SIZE = 25;
const DEFAULT_SORT = 'purchasedAt,desc';
const SORT_FIELDS = ['product', 'purchasedAt', 'maintenanceUntil', 'status'];
const STATUSES = ['ACTIVATED', 'NOT_ACTIVATED'];
const ENDING_SOON_DAYS = 30;
const SEARCH_DEBOUNCE_MS = 300;
const FALLBACK_SUPPORT_EMAIL = 'support@licensecentral.org';
// License keys are five groups of five symbols (command/LicenseKeys.java). Checked loosely
// (any letter or digit) so that a mistyped look-alike such as O for 0 is still sent as a key;
// purchase ids like "DEMO-1001" never have this shape.
const LICENSE_KEY_SHAPE = /^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$/;
const HISTORY_LABELS = {
  LicenseIssued: 'License issued',
  LicenseAttached: 'Attached to an account',
  MaintenanceExtended: 'Maintenance extended',
  RemoteManagementToggled: 'Remote Management switched',
  LicenseActivationStatusChanged: 'Activation status changed',
};

const $ = (id) => document.getElementById(id);

const state = {
  tab: 'licenses',
  query: { q: '', sort: DEFAULT_SORT, page: 0, status: '', product: '' },
  products: new Map(), // product code -> catalog product
  storeUrl: null,
  licensePage: null,
  activations: null,
  attachRequest: null,
  pendingDeactivation: null,
  loggedOut: false,
  accountEmail: { register: null, reset: null }, // the address step 1 sent the code to, per flow
};

// ---------------------------------------------------------------------------------------------
// DOM helpers

/** Builds an element; `text` sets textContent, `testid` the data-testid, `data` the dataset. */
function el(tag, props = {}, ...children) {
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

function icon(name) {
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

let uniqueIds = 0;
const uniqueId = (prefix) => `${prefix}-${++uniqueIds}`;

const pendingMessages = new WeakMap();

/** Shows a message in a live region. Cleared first, so that the same text twice is announced twice. */
function say(region, text, { error = false } = {}) {
  clearTimeout(pendingMessages.get(region));
  region.textContent = '';
  region.classList.toggle('is-error', error);
  region.classList.toggle('is-success', !error && Boolean(text));
  // A fresh text node in a later task is what screen readers reliably pick up.
  pendingMessages.set(region, setTimeout(() => { region.textContent = text; }, 30));
}

const clearMessage = (region) => say(region, '');

const announce = (text) => say($('status-message'), text);

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Only http(s) URLs become links: a `javascript:` URL from anywhere must never be clickable. */
function safeHttpUrl(value) {
  try {
    const url = new URL(value, window.location.origin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting (user's locale)

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat();

/** A LocalDate ("2026-05-18") as a local calendar day; `new Date(string)` would read it as UTC midnight. */
function parseLocalDate(value) {
  const [year, month, day] = String(value).split('-').map(Number);
  return new Date(year, month - 1, day);
}

function daysFromToday(date) {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  return Math.round((date - today) / 86_400_000);
}

function timeElement(value, { withTime = false } = {}) {
  if (!value) return el('span', { text: '—' });
  const date = withTime ? new Date(value) : parseLocalDate(value);
  if (Number.isNaN(date.getTime())) return el('span', { text: String(value) });
  return el('time', { datetime: value, text: (withTime ? dateTimeFormat : dateFormat).format(date) });
}

const plural = (count, one, many) => `${numberFormat.format(count)} ${count === 1 ? one : many}`;

function productName(code) {
  return state.products.get(code)?.name ?? code;
}

function historyLabel(event) {
  return HISTORY_LABELS[event] ?? String(event).replace(/([a-z])([A-Z])/g, '$1 $2');
}

// ---------------------------------------------------------------------------------------------
// HTTP: CSRF, problem+json, 401

class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

function readCookie(name) {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** The gateway sets XSRF-TOKEN on any response; when it is not there yet, one cheap GET gets it. */
async function csrfToken() {
  let token = readCookie('XSRF-TOKEN');
  if (!token) {
    await fetch('/api/v1/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .catch(() => null);
    token = readCookie('XSRF-TOKEN');
  }
  return token ?? '';
}

/** Retry-After is seconds or an HTTP date (RFC 9110); answers whole seconds. */
function retryAfterSeconds(header) {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - Date.now()) / 1000));
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
async function api(path, { method = 'GET', body } = {}) {
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
    showLoggedOut();
  }
  if (!response.ok) {
    throw new ApiError(response.status, data ?? {}, retryAfterSeconds(response.headers.get('Retry-After')));
  }
  return data;
}

/** The words to show for a failure: the problem's detail, never codes or JSON. */
function errorText(error) {
  if (!(error instanceof ApiError)) {
    return 'Could not reach License Central. Check your connection and try again.';
  }
  if (error.status === 429) {
    const seconds = error.retryAfter;
    if (!seconds) return 'Too many attempts; try again later.';
    return seconds >= 90
      ? `Too many attempts; try again in ${plural(Math.ceil(seconds / 60), 'minute', 'minutes')}.`
      : `Too many attempts; try again in ${plural(seconds, 'second', 'seconds')}.`;
  }
  const { detail, title } = error.problem;
  if (detail) return detail;
  if (error.status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  return title || 'That did not work. Please try again.';
}

/** Shows a failure in the given live region; a 401 already switched to the logged-out screen. */
function showError(error, region = $('status-message')) {
  if (error instanceof ApiError && error.status === 401) return;
  if (!(error instanceof ApiError)) console.error(error);
  say(region, errorText(error), { error: true });
}

// ---------------------------------------------------------------------------------------------
// Loading state, so that people and tests can tell when data is in

const loadsRunning = new Map(); // panel id -> loads in flight (a new search may start before the last ends)

function setLoading(panel, loadingText, on) {
  const count = (loadsRunning.get(panel.id) ?? 0) + (on ? 1 : -1);
  loadsRunning.set(panel.id, count);
  panel.dataset.loading = String(count > 0);
  panel.setAttribute('aria-busy', String(count > 0));
  loadingText.hidden = count === 0;
  $('main').dataset.loading = String([...loadsRunning.values()].some((n) => n > 0));
  if (on) document.body.dataset.ready = '';
}

const markReady = (what) => { document.body.dataset.ready = what; };

// ---------------------------------------------------------------------------------------------
// URL state: tab, q, status, product, sort, page (1-based in the URL, 0-based in the API)

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  const sort = params.get('sort');
  const [field, direction] = (sort ?? '').split(',');
  state.tab = params.get('tab') === 'activations' ? 'activations' : 'licenses';
  state.query = {
    q: (params.get('q') ?? '').slice(0, 100),
    sort: SORT_FIELDS.includes(field) && ['asc', 'desc'].includes(direction) ? sort : DEFAULT_SORT,
    page: Math.max(0, (Number.parseInt(params.get('page'), 10) || 1) - 1),
    status: STATUSES.includes(params.get('status')) ? params.get('status') : '',
    product: /^[A-Z]{1,32}$/.test(params.get('product') ?? '') ? params.get('product') : '',
  };
}

function writeUrl({ push = false } = {}) {
  const params = new URLSearchParams();
  const { q, status, product, sort, page } = state.query;
  if (state.tab !== 'licenses') params.set('tab', state.tab);
  if (q) params.set('q', q);
  if (status) params.set('status', status);
  if (product) params.set('product', product);
  if (sort !== DEFAULT_SORT) params.set('sort', sort);
  if (page > 0) params.set('page', String(page + 1));
  const search = params.toString();
  const url = window.location.pathname + (search ? `?${search}` : '');
  if (url === window.location.pathname + window.location.search) return;
  window.history[push ? 'pushState' : 'replaceState'](null, '', url);
}

/** Puts the query state into the search box, filters and sort headers. */
function syncControls() {
  $('search').value = state.query.q;
  $('status-filter').value = state.query.status;
  $('product-filter').value = state.query.product;
  const [field, direction] = state.query.sort.split(',');
  for (const th of document.querySelectorAll('#licenses-table th[data-sort]')) {
    const sorted = th.dataset.sort === field;
    th.setAttribute('aria-sort', sorted ? (direction === 'asc' ? 'ascending' : 'descending') : 'none');
    th.querySelector('.sort-indicator').textContent = sorted ? (direction === 'asc' ? ' ▲' : ' ▼') : '';
  }
}

const filtersActive = () => Boolean(state.query.q || state.query.status || state.query.product);

// ---------------------------------------------------------------------------------------------
// Session, header, logged-out screen

function showLoggedOut() {
  if (state.loggedOut) return;
  state.loggedOut = true;
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
  $('boot-message').hidden = true;
  $('app').hidden = true;
  $('account').hidden = true;
  $('logged-out').hidden = false;
  $('main').dataset.loading = 'false';
  markReady('logged-out');
}

function showApp(session) {
  $('boot-message').hidden = true;
  $('logged-out').hidden = true;
  $('session-email').textContent = session.email ?? '';
  $('account').hidden = false;
  $('app').hidden = false;
}

/** Logout is a full-page form post; the CSRF token goes in as `_csrf`, read right before sending. */
async function submitLogout(event) {
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

async function loadCatalog() {
  try {
    const catalog = await api('/api/v1/catalog');
    state.products = new Map((catalog.products ?? []).map((product) => [product.code, product]));
    state.storeUrl = safeHttpUrl(catalog.storeUrl);
    renderCatalog(catalog);
  } catch (error) {
    // The portal works without the catalog; only Buy and the product filter are missing.
    console.warn('catalog not loaded', error);
  }
}

function renderCatalog(catalog) {
  for (const link of [$('buy'), $('empty-buy')]) {
    link.hidden = !state.storeUrl;
    if (state.storeUrl) link.href = state.storeUrl;
  }
  const support = /^[^\s@<>"]+@[^\s@<>"]+$/.test(catalog.supportEmail ?? '')
    ? catalog.supportEmail : FALLBACK_SUPPORT_EMAIL;
  $('support-link').textContent = support;
  $('support-link').href = `mailto:${support}`;
  const select = $('product-filter');
  select.replaceChildren(el('option', { value: '', text: 'All products' }),
    ...[...state.products.values()].map((product) => el('option', { value: product.code, text: product.name })));
  select.value = state.query.product;
  if (state.activations) renderActivations(state.activations); // product names were codes until now
}

// ---------------------------------------------------------------------------------------------
// Welcome screen: create an account, reset a forgotten password
//
// identity-service's account API, reached through the gateway without a login. The gateway still
// wants the CSRF header on these POSTs (api() sends it) and rate-limits them per address (429).
// No answer tells whether an address has an account, so no text here may claim either way.

const ACCOUNT_FLOWS = {
  register: {
    opener: 'register-open', panel: 'register-panel', message: 'register-message',
    steps: [['register-step1', 'register-email'], ['register-step2', 'register-code']],
    fields: { email: 'register-email', password: 'register-password', code: 'register-code' },
  },
  reset: {
    opener: 'reset-open', panel: 'reset-panel', message: 'reset-message',
    steps: [['reset-step1', 'reset-email'], ['reset-step2', 'reset-code']],
    fields: { email: 'reset-email', newPassword: 'reset-password', code: 'reset-code' },
  },
};

// Validation problems list fields by their JSON names; people see these labels instead.
const ACCOUNT_FIELD_NAMES = {
  email: 'The e-mail address', password: 'The password', newPassword: 'The new password', code: 'The code',
};

const visible = (node) => !node.closest('[hidden]');

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
  flow.steps.forEach(([form], index) => { $(form).hidden = index + 1 !== step; });
  clearMessage($(flow.message));
  if (step === 2) $(flow.steps[1][1]).value = '';
  if (step > 0) $(flow.steps[step - 1][1]).focus();
}

/** Ends a flow: the steps go, the message stays, and Log in is where the focus lands. */
function finishAccountFlow(name, text) {
  accountStep(name, 0);
  state.accountEmail[name] = null;
  say($(ACCOUNT_FLOWS[name].message), text);
  $('login').focus();
}

/** Codes are mailed in capitals, maybe copied with spaces; identity-service compares them trimmed and uppercased. */
const compactCode = (value) => value.replace(/\s+/g, '').toUpperCase();

/** Checks that a field is filled in; if not, says so and puts the focus there. */
function filledIn(name, input, text) {
  if (input.value.trim()) return true;
  say($(ACCOUNT_FLOWS[name].message), text, { error: true });
  input.focus();
  return false;
}

/**
 * errorText() with two additions for these forms: validation problems in words per field rather
 * than their JSON names, and a CSRF refusal (no cookie yet, or cookies blocked) as something to do.
 */
function accountErrorText(error) {
  if (!(error instanceof ApiError)) return errorText(error);
  const { type, errors } = error.problem;
  if (error.status === 403 && String(type ?? '').endsWith('/csrf')) {
    return 'Your browser did not send the security cookie of this page. Allow cookies for this site, '
      + 'reload the page and try again.';
  }
  const words = (Array.isArray(errors) ? errors : [])
    .filter((item) => item && item.message && ACCOUNT_FIELD_NAMES[item.field])
    .map((item) => `${ACCOUNT_FIELD_NAMES[item.field]} ${item.message}.`);
  return words.length > 0 ? words.join(' ') : errorText(error);
}

/**
 * Shows a failure of an account call, and puts the focus on the field to correct. Unlike
 * showError() it also shows a 401: on this screen nobody is logged in, so that is not "logged out".
 */
function showAccountError(name, error, fallbackField) {
  if (!(error instanceof ApiError)) console.error(error);
  const flow = ACCOUNT_FLOWS[name];
  say($(flow.message), accountErrorText(error), { error: true });
  const problem = error instanceof ApiError ? error.problem : {};
  const type = String(problem.type ?? '');
  const field = type.endsWith('/weak-password') ? (flow.fields.password ?? flow.fields.newPassword)
    : Array.isArray(problem.errors) ? flow.fields[problem.errors[0]?.field] : undefined;
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
  state.accountEmail.register = email;
  accountStep('register', 2);
  describeSentCode($('register-sent'), email, 'No mail after a few minutes? Check the address and your spam '
    + 'folder. An address that already has an account gets no new code: log in, or reset your password.');
}

async function verifyRegistration(event) {
  event.preventDefault();
  if (!filledIn('register', $('register-code'), 'Enter the code from the e-mail.')) return;
  await busy($('register-verify'), async () => {
    try {
      await api('/api/v1/accounts/verification', {
        method: 'POST', body: { email: state.accountEmail.register, code: compactCode($('register-code').value) },
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
      state.accountEmail.reset = email;
      $('reset-username').value = email;
      $('reset-password').value = '';
      accountStep('reset', 2);
      describeSentCode($('reset-sent'), email, 'Then choose a new password. No mail after a few minutes? Check the '
        + 'address and your spam folder.');
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
          email: state.accountEmail.reset,
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

function bindAccountEvents() {
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

// ---------------------------------------------------------------------------------------------
// Tabs (WAI-ARIA tabs pattern: arrows move and select, Home/End jump)

const tabs = () => [...document.querySelectorAll('[role="tab"]')];

function selectTab(name, { push = false, focus = false } = {}) {
  state.tab = name;
  for (const tab of tabs()) {
    const selected = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  writeUrl({ push });
  // Each visit reloads: a deactivation changes license status, an attach adds licenses.
  if (name === 'licenses') loadLicenses();
  else loadActivations();
}

function onTabKeydown(event) {
  const all = tabs();
  const index = all.indexOf(document.activeElement);
  if (index < 0) return;
  const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: all.length - 1 }[event.key];
  if (target === undefined) return;
  event.preventDefault();
  const tab = all[(target + all.length) % all.length];
  selectTab(tab.dataset.tab, { push: true, focus: true });
}

// ---------------------------------------------------------------------------------------------
// Licenses tab

let licenseLoad = 0; // answers of older searches arrive late and are dropped

async function loadLicenses() {
  const load = ++licenseLoad;
  const panel = $('panel-licenses');
  setLoading(panel, $('licenses-loading'), true);
  try {
    const { q, status, product, sort, page } = state.query;
    const params = new URLSearchParams({ sort, page: String(page), size: String(PAGE_SIZE) });
    if (q) params.set('q', q);
    if (status) params.set('status', status);
    if (product) params.set('product', product);
    const result = await api(`/api/v1/licenses?${params}`);
    if (load !== licenseLoad) return;
    if (result.items.length === 0 && result.totalPages > 0 && page >= result.totalPages) {
      // A shared link to a page that no longer exists: show the last one instead.
      state.query.page = result.totalPages - 1;
      writeUrl();
      loadLicenses();
      return;
    }
    state.licensePage = result;
    renderLicenses(result);
  } catch (error) {
    if (load === licenseLoad) showError(error);
  } finally {
    setLoading(panel, $('licenses-loading'), false);
    if (load === licenseLoad) markReady('licenses');
  }
}

function renderLicenses(result) {
  const none = result.totalItems === 0;
  $('empty-state').hidden = !(none && !filtersActive());
  $('no-results').hidden = !(none && filtersActive());
  $('licenses-results').hidden = none;
  if (none && filtersActive()) {
    $('no-results-text').textContent = state.query.q
      ? `No licenses match “${state.query.q}”${state.query.status || state.query.product ? ' with these filters' : ''}.`
      : 'No licenses match these filters.';
  }
  $('licenses-body').replaceChildren(...result.items.map(licenseRow));
  renderPager(result);
  syncControls();
}

function renderPager(result) {
  const pages = Math.max(1, result.totalPages);
  const page = result.page + 1;
  $('page-info').textContent =
    `Page ${numberFormat.format(page)} of ${numberFormat.format(pages)} · ${plural(result.totalItems, 'license', 'licenses')}`;
  const focused = document.activeElement;
  $('prev-page').disabled = page <= 1;
  $('next-page').disabled = page >= pages;
  // Keep keyboard focus in the pager when the button just used becomes disabled.
  if (focused?.disabled && (focused === $('prev-page') || focused === $('next-page'))) {
    (focused === $('prev-page') ? $('next-page') : $('prev-page')).focus();
  }
}

function cell(label, ...content) {
  return el('td', { data: { label } }, ...content);
}

function licenseRow(license) {
  const product = `${license.productName} ${license.edition ?? ''}`.trim();
  return el('tr', { testid: 'license-row', data: { licenseId: license.id } },
    cell('Status', statusView(license)),
    el('th', { scope: 'row', data: { label: 'Product' } },
      el('span', { class: 'product', testid: 'license-product', text: license.productName }),
      license.edition ? el('small', { class: 'hint', text: license.edition }) : null),
    cell('Purchase', el('span', { testid: 'license-purchase', text: license.purchaseId ?? '—' }),
      // LicenseRow has no purchasedAt today; shown if the API adds it.
      license.purchasedAt ? el('small', { class: 'hint' }, timeElement(license.purchasedAt, { withTime: true })) : null),
    cell('Maintenance till', maintenanceView(license)),
    cell('License key', keyView(license, product)),
    cell('Allow RM', remoteManagementSwitch(license, product)),
    cell('Actions', actionsView(license, product)));
}

function statusView(license) {
  const activated = license.status === 'ACTIVATED';
  const view = el('span', {
    class: `status ${activated ? 'status-on' : 'status-off'}`,
    testid: 'license-status',
    data: { status: license.status },
    title: activated ? null : 'Not activated means no machine uses this license right now. It has not expired.',
  }, icon('key'), el('span', { class: 'status-text', text: activated ? 'Activated' : 'Not activated' }));
  view.append(el('small', {
    class: 'hint',
    text: activated
      ? `${license.activeActivations} of ${plural(license.maxActivations, 'machine', 'machines')}`
      : 'Not in use on any machine; this does not mean expired.',
  }));
  return view;
}

function maintenanceView(license) {
  const days = daysFromToday(parseLocalDate(license.maintenanceUntil));
  const expired = license.maintenanceRunning === false || days < 0;
  const endingSoon = !expired && days <= ENDING_SOON_DAYS;
  const phase = expired ? 'expired' : endingSoon ? 'ending-soon' : 'running';
  const view = el('span', { class: `maintenance maintenance-${phase}`, testid: 'maintenance', data: { maintenance: phase } },
    timeElement(license.maintenanceUntil));
  if (expired) view.append(el('span', { class: 'badge badge-expired', text: 'Expired' }));
  if (endingSoon) {
    view.append(el('span', {
      class: 'badge badge-soon',
      text: days === 0 ? 'Ends today' : `Ends in ${plural(days, 'day', 'days')}`,
    }));
  }
  return view;
}

function keyView(license, product) {
  const button = el('button', {
    type: 'button', class: 'button button-small', testid: 'copy-key', 'aria-label': `Copy license key of ${product}`,
  }, 'Copy');
  button.addEventListener('click', () => copyText(license.licenseKey, button));
  return el('span', { class: 'key' }, el('code', { testid: 'license-key', text: license.licenseKey }), button);
}

function remoteManagementSwitch(license, product) {
  const rm = license.remoteManagement ?? { available: false, allowed: false };
  const id = uniqueId('rm');
  const input = el('input', {
    type: 'checkbox', role: 'switch', id, class: 'switch', testid: 'rm-switch', data: { licenseId: license.id },
  });
  input.checked = Boolean(rm.allowed);
  const stateText = el('span', { class: 'switch-state', 'aria-hidden': 'true', text: rm.allowed ? 'On' : 'Off' });
  const wrap = el('span', { class: 'switch-wrap' },
    input,
    el('label', { for: id, class: 'visually-hidden', text: `Allow Remote Management for ${product} ${license.licenseKey}` }),
    stateText);
  if (!rm.available) {
    const reasonId = uniqueId('rm-reason');
    input.disabled = true;
    input.setAttribute('aria-describedby', reasonId);
    wrap.append(el('small', {
      id: reasonId, class: 'hint', testid: 'rm-reason',
      text: `Not available: ${license.productName} does not support Remote Management.`,
    }));
  }
  input.addEventListener('change', () => toggleRemoteManagement(license, input, stateText));
  return wrap;
}

async function toggleRemoteManagement(license, input, stateText) {
  const wanted = input.checked;
  input.disabled = true;
  try {
    const rm = await api(`/api/v1/licenses/${encodeURIComponent(license.id)}/remote-management`,
      { method: 'PUT', body: { allowed: wanted } });
    license.remoteManagement = rm;
    input.checked = rm.allowed;
    announce(`Remote Management ${rm.allowed ? 'allowed' : 'not allowed'} for ${license.productName} ${license.licenseKey}.`);
  } catch (error) {
    input.checked = !wanted;
    showError(error);
  } finally {
    input.disabled = false;
    stateText.textContent = input.checked ? 'On' : 'Off';
  }
}

/**
 * The row carries the same Download record that GET /licenses/{id}/download answers (both come
 * from the same server code), so the button is a plain link: no extra request, and it works with
 * "open in new tab" and "copy link" too.
 */
function actionsView(license, product) {
  const actions = el('span', { class: 'row-actions' });
  const url = license.download && safeHttpUrl(license.download.url);
  if (url) {
    actions.append(el('a', {
      href: url, class: 'button button-small', testid: 'download', rel: 'noopener',
      data: { version: license.download.version },
      'aria-label': `Download ${product} ${license.download.version}`,
    }, `Download ${license.download.version}`));
  } else {
    actions.append(el('small', { class: 'hint', testid: 'no-download', text: 'No release within maintenance' }));
  }
  const info = el('button', {
    type: 'button', class: 'button button-small', testid: 'info', 'aria-label': `Details of ${product} ${license.licenseKey}`,
  }, 'Details');
  info.addEventListener('click', () => openSummary(license, info));
  actions.append(info);
  return actions;
}

// License details dialog --------------------------------------------------------------------

async function openSummary(license, opener) {
  $('summary-title').textContent = `${license.productName} ${license.edition ?? ''}`.trim();
  clearMessage($('summary-message'));
  $('summary-body').replaceChildren(el('p', { class: 'loading', text: 'Loading details…' }));
  openDialog($('summary-dialog'), opener);
  try {
    const summary = await api(`/api/v1/licenses/${encodeURIComponent(license.id)}`);
    $('summary-body').replaceChildren(...summaryView(summary));
  } catch (error) {
    $('summary-body').replaceChildren();
    showError(error, $('summary-message'));
  } finally {
    markReady('summary');
  }
}

function summaryView({ license, purchasedAt, purchaseEmail, activations = [], history = [] }) {
  const rm = license.remoteManagement ?? {};
  const fields = [
    ['Product', license.productName],
    ['Edition', license.edition],
    ['License key', el('code', { text: license.licenseKey })],
    ['Status', statusView(license)],
    ['Seats in use', `${license.activeActivations} of ${license.maxActivations}`],
    ['Maintenance till', maintenanceView(license)],
    ['Remote Management', !rm.available ? 'Not available for this product' : rm.allowed ? 'Allowed' : 'Not allowed'],
    ['Download', license.download
      ? el('span', {}, `${license.download.version}, released `, timeElement(license.download.releasedAt))
      : 'No release within maintenance'],
    ['Purchase ID', license.purchaseId],
    ['Purchased', timeElement(purchasedAt, { withTime: true })],
    ['Purchase e-mail', purchaseEmail],
  ];
  const list = el('dl', { class: 'summary', testid: 'summary-fields' });
  for (const [term, value] of fields) {
    list.append(el('dt', { text: term }), el('dd', {}, value ?? '—'));
  }
  return [
    list,
    el('h3', { text: 'Machines' }),
    activations.length === 0
      ? el('p', { class: 'hint', text: 'No machine uses this license.' })
      : el('ul', { class: 'plain-list', testid: 'summary-activations' }, ...activations.map((a) => el('li',
        { testid: 'summary-activation' },
        el('strong', { text: a.hostname }), ` · version ${a.productVersion} · ${modeLabel(a.mode)} · activated `,
        timeElement(a.activatedAt, { withTime: true })))),
    el('h3', { text: 'History' }),
    el('ol', { class: 'timeline', testid: 'history' }, ...[...history]
      .sort((a, b) => a.sequence - b.sequence)
      .map((entry) => el('li', { testid: 'history-item', data: { event: entry.event } },
        timeElement(entry.at, { withTime: true }), el('span', { text: historyLabel(entry.event) })))),
  ];
}

const modeLabel = (mode) => (mode === 'OFFLINE' ? 'Offline' : mode === 'ONLINE' ? 'Online' : String(mode ?? '—'));

// Attach dialog ---------------------------------------------------------------------------------

/** A license key when it has the key's shape, otherwise a purchase id. */
function attachBody(input) {
  const compact = input.trim().toUpperCase().replace(/\s+/g, '');
  return LICENSE_KEY_SHAPE.test(compact) ? { licenseKey: compact } : { purchaseId: input.trim() };
}

function describeAttachInput() {
  const value = $('attach-identifier').value.trim();
  $('attach-kind').textContent = !value
    ? 'A license key looks like XXXXX-XXXXX-XXXXX-XXXXX-XXXXX; anything else is taken as a purchase ID.'
    : 'licenseKey' in attachBody(value) ? 'This will be sent as a license key.' : 'This will be sent as a purchase ID.';
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
  if (step === 1) state.attachRequest = null;
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
      state.attachRequest = started;
      attachStep(2);
      const expires = started.expiresAt ? dateTimeFormat.format(new Date(started.expiresAt)) : null;
      // The answer is the same whether or not the purchase exists, so it names no address.
      $('attach-sent').textContent = 'If this purchase ID or license key is ours, we sent a code to the e-mail address '
        + `it was bought with.${expires ? ` The code is valid until ${expires}.` : ''} Enter it here. `
        + 'If no mail arrives, check the purchase ID or key.';
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
  const before = state.licensePage?.totalItems ?? 0;
  await busy($('attach-confirm'), async () => {
    try {
      await api(`/api/v1/license-attachments/${encodeURIComponent(state.attachRequest.requestId)}/confirm`,
        { method: 'POST', body: { code } });
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
  const count = () => state.licensePage?.totalItems ?? 0;
  const grew = await reloadUntil(async () => { if (state.tab === 'licenses') await loadLicenses(); },
    () => count() > before, 5, 1000);
  announce(grew
    ? `${plural(count() - before, 'license was', 'licenses were')} attached to your account.`
    : 'Confirmed. The licenses of that purchase are attached to your account.');
}

/**
 * Read models follow a change a moment later: calls load() up to `attempts` times, `delay` ms
 * apart, until shows() holds; says whether it did.
 */
async function reloadUntil(load, shows, attempts, delay) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    await load();
    if (shows()) return true;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Activations tab

async function loadActivations() {
  const panel = $('panel-activations');
  setLoading(panel, $('activations-loading'), true);
  try {
    state.activations = await api('/api/v1/activations');
    renderActivations(state.activations);
  } catch (error) {
    showError(error);
  } finally {
    setLoading(panel, $('activations-loading'), false);
    markReady('activations');
  }
}

/**
 * The activations list is a read model that follows a change a moment later: reload a few times
 * until it shows what the change did, so a person never sees a list that contradicts the message.
 */
async function reloadActivationsUntil(shows) {
  await reloadUntil(loadActivations, () => shows(state.activations ?? []), 10, 500);
}

function renderActivations(activations) {
  $('activations-empty').hidden = activations.length > 0;
  $('activations-wrap').hidden = activations.length === 0;
  $('activations-body').replaceChildren(...activations.map(activationRow));
}

function activationRow(activation) {
  const product = `${productName(activation.product)} ${activation.edition ?? ''}`.trim();
  const deactivate = el('button', {
    type: 'button', class: 'button button-small button-danger', testid: 'deactivate',
    'aria-label': `Deactivate ${activation.hostname}`,
  }, 'Deactivate');
  deactivate.addEventListener('click', () => askDeactivate(activation, product, deactivate));
  return el('tr', { testid: 'activation-row', data: { activationId: activation.id, licenseId: activation.licenseId } },
    el('th', { scope: 'row', data: { label: 'Machine' }, testid: 'activation-hostname', text: activation.hostname }),
    cell('License', el('span', { class: 'product', text: product }),
      el('code', { class: 'hint', testid: 'activation-license-key', text: activation.licenseKey })),
    cell('Product version', activation.productVersion ?? '—'),
    cell('Mode', el('span', { testid: 'activation-mode', data: { mode: activation.mode }, text: modeLabel(activation.mode) })),
    cell('Activated', timeElement(activation.activatedAt, { withTime: true })),
    cell('Lease ends', el('span', { testid: 'activation-lease-ends' }, timeElement(activation.leaseEnds, { withTime: true }))),
    cell('Actions', deactivate));
}

const leaseEndText = (activation) => dateTimeFormat.format(new Date(activation.leaseEnds));

/**
 * An online machine is freed at once and learns it at its next check-in. An offline machine
 * cannot be told, so the dialog asks for the code it prints when it removes its key, and offers
 * the limited lost-machine release.
 */
function askDeactivate(activation, product, opener) {
  state.pendingDeactivation = activation;
  // An offline activation from before leases has no lease end and no code: it is freed like an online one.
  const offline = activation.mode === 'OFFLINE' && Boolean(activation.leaseEnds);
  $('deactivate-text').textContent = offline
    ? `${activation.hostname} (${product}, ${activation.licenseKey}) was activated offline, so it cannot be told. `
      + 'On that machine, run "license-client deactivate --offline" (or the product\'s offline deactivation) and '
      + `enter the code it shows. Without a code, its seat stays taken until ${leaseEndText(activation)}.`
    : `${activation.hostname} (${product}, ${activation.licenseKey}) will be deactivated now, and its seat becomes `
      + (activation.leaseEnds
        ? 'free for another machine. The product on that machine stops at its next check-in, at the latest when its '
          + `lease ends (${leaseEndText(activation)}).`
        : 'free for another machine. The product on that machine stops at its next check-in.');
  $('deactivate-offline').hidden = !offline;
  $('confirm-deactivate').hidden = offline;
  $('deactivate-code').value = '';
  clearMessage($('deactivate-message'));
  openDialog($('deactivate-dialog'), opener);
  if (offline) {
    $('deactivate-code').focus();
  } else {
    // Cancel first: the safe choice is where Enter lands.
    $('deactivate-dialog').querySelector('[data-testid="cancel-deactivate"]').focus();
  }
}

/** Sends one way of freeing the pending activation's seat, then closes the dialog and follows the list. */
async function freeSeat(button, request, done) {
  const activation = state.pendingDeactivation;
  if (!activation) return;
  await busy(button, async () => {
    try {
      await request(`/api/v1/activations/${encodeURIComponent(activation.id)}`);
      state.pendingDeactivation = null;
      // The row and its button go away with the reload: focus lands on the heading instead.
      dialogOpeners.set($('deactivate-dialog'), $('activations-heading'));
      $('deactivate-dialog').close();
      announce(`${activation.hostname} ${done}.`);
      await reloadActivationsUntil((rows) => !rows.some((row) => row.id === activation.id));
    } catch (error) {
      showError(error, $('deactivate-message'));
    }
  });
}

function confirmDeactivate() {
  return freeSeat($('confirm-deactivate'), (path) => api(path, { method: 'DELETE' }), 'was deactivated');
}

function confirmOfflineDeactivate(event) {
  event.preventDefault();
  const deactivationCode = $('deactivate-code').value.trim();
  if (!deactivationCode) {
    say($('deactivate-message'), 'Enter the deactivation code the machine shows.', { error: true });
    $('deactivate-code').focus();
    return undefined;
  }
  return freeSeat($('confirm-offline-deactivate'),
    (path) => api(`${path}/offline-deactivation`, { method: 'POST', body: { deactivationCode } }), 'was deactivated');
}

function releaseLostMachine() {
  return freeSeat($('release-lost'), (path) => api(`${path}/lost-machine-release`, { method: 'POST' }),
    'was released as a lost machine');
}

// Offline activation ---------------------------------------------------------------------------

async function activateOffline(event) {
  event.preventDefault();
  const serviceKey = $('offline-service-key').value.trim();
  if (!serviceKey) {
    say($('offline-message'), 'Paste the service key that the product shows.', { error: true });
    $('offline-service-key').focus();
    return;
  }
  await busy($('offline-activate'), async () => {
    try {
      const result = await api('/api/v1/activations/offline', { method: 'POST', body: { serviceKey } });
      $('offline-activation-key').value = result.activationKey;
      $('offline-result').hidden = false;
      const until = result.maintenanceUntil ? ` Maintenance runs till ${dateFormat.format(parseLocalDate(result.maintenanceUntil))}.` : '';
      const lease = result.leaseEnds ? ` The machine holds its seat until ${dateTimeFormat.format(new Date(result.leaseEnds))}.` : '';
      say($('offline-message'), `Activated. Copy the activation key into the product, or download it as a file.${lease}${until}`);
      $('offline-activation-key').focus();
      reloadActivationsUntil((rows) => rows.some((row) => row.id === result.activationId));
    } catch (error) {
      $('offline-result').hidden = true;
      showError(error, $('offline-message'));
    }
  });
}

function downloadActivationKey() {
  const blob = new Blob([$('offline-activation-key').value], { type: 'text/plain' });
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: 'activation-key.txt', class: 'visually-hidden' });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob only after click() returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  announce('Activation key saved as activation-key.txt.');
}

// ---------------------------------------------------------------------------------------------
// Shared behaviour: copying, busy buttons, dialogs

async function copyText(text, button) {
  let copied = false;
  if (navigator.clipboard && window.isSecureContext) {
    copied = await navigator.clipboard.writeText(text).then(() => true, () => false);
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

/** Disables the button while the action runs, so a double click sends once. */
async function busy(button, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

const dialogOpeners = new WeakMap();

/** Opens a modal dialog; on close, focus returns to what opened it (or the tab's heading). */
function openDialog(dialog, opener) {
  dialogOpeners.set(dialog, opener ?? document.activeElement);
  if (!dialog.open) dialog.showModal();
}

function restoreFocus(dialog) {
  const opener = dialogOpeners.get(dialog);
  if (state.loggedOut) return;
  if (opener?.isConnected && !opener.disabled && !opener.closest('[hidden]')) opener.focus();
  else $(state.tab === 'licenses' ? 'licenses-heading' : 'activations-heading').focus();
}

// ---------------------------------------------------------------------------------------------
// Wiring

/** Typing replaces the URL entry (no history entry per keystroke); Enter searches at once. */
function applySearch({ force = false } = {}) {
  const q = $('search').value.trim();
  if (q === state.query.q && !force) return;
  state.query = { ...state.query, q, page: 0 };
  writeUrl();
  loadLicenses();
}

const onSearchInput = debounce(() => applySearch(), SEARCH_DEBOUNCE_MS);

function changeQuery(changes) {
  state.query = { ...state.query, ...changes };
  writeUrl({ push: true });
  loadLicenses();
}

function sortBy(field) {
  const [current, direction] = state.query.sort.split(',');
  const next = current === field && direction === 'asc' ? 'desc' : 'asc';
  changeQuery({ sort: `${field},${next}`, page: 0 });
}

function bindEvents() {
  $('logout-form').addEventListener('submit', submitLogout);
  document.querySelector('[role="tablist"]').addEventListener('keydown', onTabKeydown);
  for (const tab of tabs()) tab.addEventListener('click', () => selectTab(tab.dataset.tab, { push: true }));

  $('search').addEventListener('input', onSearchInput);
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    applySearch({ force: true });
  });
  $('status-filter').addEventListener('change', (e) => changeQuery({ status: e.target.value, page: 0 }));
  $('product-filter').addEventListener('change', (e) => changeQuery({ product: e.target.value, page: 0 }));
  $('clear-search').addEventListener('click', () => {
    changeQuery({ q: '', status: '', product: '', page: 0 });
    $('search').focus();
  });
  for (const button of document.querySelectorAll('.sort-button')) {
    button.addEventListener('click', () => sortBy(button.dataset.field));
  }
  $('prev-page').addEventListener('click', () => changeQuery({ page: Math.max(0, state.query.page - 1) }));
  $('next-page').addEventListener('click', () => changeQuery({ page: state.query.page + 1 }));

  $('attach-open').addEventListener('click', (e) => openAttach(e.currentTarget));
  $('empty-attach').addEventListener('click', (e) => openAttach(e.currentTarget));
  $('attach-identifier').addEventListener('input', describeAttachInput);
  $('attach-step1').addEventListener('submit', sendAttachCode);
  $('attach-step2').addEventListener('submit', confirmAttach);
  $('attach-restart').addEventListener('click', () => {
    attachStep(1);
    $('attach-identifier').focus();
  });

  $('confirm-deactivate').addEventListener('click', confirmDeactivate);
  $('deactivate-offline').addEventListener('submit', confirmOfflineDeactivate);
  $('release-lost').addEventListener('click', releaseLostMachine);
  $('offline-form').addEventListener('submit', activateOffline);
  $('offline-copy').addEventListener('click', (e) => copyText($('offline-activation-key').value, e.currentTarget));
  $('offline-download').addEventListener('click', downloadActivationKey);
  bindAccountEvents();

  for (const dialog of document.querySelectorAll('dialog')) {
    dialog.addEventListener('close', () => restoreFocus(dialog));
  }
  for (const button of document.querySelectorAll('[data-close]')) {
    button.addEventListener('click', () => button.closest('dialog').close());
  }

  window.addEventListener('popstate', () => {
    readUrl();
    syncControls();
    selectTab(state.tab);
  });
}

async function start() {
  readUrl();
  bindEvents();
  syncControls();
  let session;
  try {
    session = await api('/api/v1/session');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      $('boot-message').textContent = errorText(error);
      $('boot-message').classList.add('is-error');
      $('main').dataset.loading = 'false';
      markReady('error');
    }
    return;
  }
  showApp(session);
  loadCatalog();
  selectTab(state.tab);
}

start();
