// Licenses tab: the list with search, filters, sort and pages (all in the URL), each row's key,
// Remote Management switch, download and details.

import { api, showError } from './api.js';
import { safeHttpUrl } from './checks.js';
import {
  $,
  announce,
  cell,
  copyText,
  debounce,
  el,
  keepFocus,
  markReady,
  setLoading,
  timeElement,
  uniqueId,
} from './dom.js';
import { productTitle } from './format.js';
import { openSummary } from './license-details.js';
import { maintenanceView, statusView } from './license-status.js';
import { filtersActive, licenseListParams, nextSort, sortIndicator } from './url-state.js';
import { view, writeUrl } from './view.js';
import { noResultsText, pageInfoText, remoteManagementUnavailableText } from './wording.js';

const PAGE_SIZE = 25;
const SEARCH_DEBOUNCE_MS = 300;

let licensePage = null;
let licenseLoad = 0; // answers of older searches arrive late and are dropped

/** Whether the list's page, as last loaded, shows the license. */
export const licenseShown = (id) => Boolean(licensePage?.items.some((license) => license.id === id));

export async function loadLicenses() {
  const load = ++licenseLoad;
  const panel = $('panel-licenses');
  setLoading(panel, $('licenses-loading'), true);
  try {
    const { page } = view.query;
    const result = await api(`/api/v1/licenses?${licenseListParams(view.query, PAGE_SIZE)}`);
    if (load !== licenseLoad) return;
    if (result.items.length === 0 && result.totalPages > 0 && page >= result.totalPages) {
      // A shared link to a page that no longer exists: show the last one instead.
      view.query.page = result.totalPages - 1;
      writeUrl();
      loadLicenses();
      return;
    }
    licensePage = result;
    renderLicenses(result);
  } catch (error) {
    if (load === licenseLoad) showError(error);
  } finally {
    setLoading(panel, $('licenses-loading'), false);
    if (load === licenseLoad) markReady('licenses');
  }
}

/** Puts the query state into the search box, filters and sort headers. */
export function syncControls() {
  $('search').value = view.query.q;
  $('status-filter').value = view.query.status;
  $('product-filter').value = view.query.product;
  for (const th of document.querySelectorAll('#licenses-table th[data-sort]')) {
    const { ariaSort, mark } = sortIndicator(view.query.sort, th.dataset.sort);
    th.setAttribute('aria-sort', ariaSort);
    th.querySelector('.sort-indicator').textContent = mark;
  }
}

function renderLicenses(result) {
  const none = result.totalItems === 0;
  const filtered = filtersActive(view.query);
  $('empty-state').hidden = !(none && !filtered);
  $('no-results').hidden = !(none && filtered);
  $('licenses-results').hidden = none;
  if (none && filtered) $('no-results-text').textContent = noResultsText(view.query);
  keepFocus($('licenses-body'), 'data-license-id', () =>
    $('licenses-body').replaceChildren(...result.items.map(licenseRow)),
  );
  renderPager(result);
  syncControls();
}

function renderPager(result) {
  const pages = Math.max(1, result.totalPages);
  const page = result.page + 1;
  $('page-info').textContent = pageInfoText(result);
  const focused = document.activeElement;
  $('prev-page').disabled = page <= 1;
  $('next-page').disabled = page >= pages;
  // Keep keyboard focus in the pager when the button just used becomes disabled.
  if (focused?.disabled && (focused === $('prev-page') || focused === $('next-page'))) {
    (focused === $('prev-page') ? $('next-page') : $('prev-page')).focus();
  }
}

function licenseRow(license) {
  const product = productTitle(license.productName, license.edition);
  return el(
    'tr',
    { testid: 'license-row', data: { licenseId: license.id } },
    cell('Status', statusView(license)),
    el(
      'th',
      { scope: 'row', data: { label: 'Product' } },
      el('span', { class: 'product', testid: 'license-product', text: license.productName }),
    ),
    cell('Edition', el('span', { testid: 'license-edition', text: license.edition ?? '—' })),
    cell(
      'Purchase',
      el('span', { testid: 'license-purchase', text: license.purchaseId ?? '—' }),
      // LicenseRow has no purchasedAt today; shown if the API adds it.
      license.purchasedAt ? el('small', { class: 'hint' }, timeElement(license.purchasedAt, { withTime: true })) : null,
    ),
    cell('Maintenance till', maintenanceView(license)),
    cell('License key', keyView(license, product)),
    cell('Allow Remote Management', remoteManagementSwitch(license, product)),
    cell('Actions', actionsView(license, product)),
  );
}

function keyView(license, product) {
  const button = el(
    'button',
    {
      type: 'button',
      class: 'button button-small',
      testid: 'copy-key',
      'aria-label': `Copy license key of ${product}`,
    },
    'Copy',
  );
  button.addEventListener('click', () => copyText(license.licenseKey, button));
  return el('span', { class: 'key' }, el('code', { testid: 'license-key', text: license.licenseKey }), button);
}

function remoteManagementSwitch(license, product) {
  const rm = license.remoteManagement ?? { available: false, allowed: false };
  const id = uniqueId('rm');
  const input = el('input', {
    type: 'checkbox',
    role: 'switch',
    id,
    class: 'switch',
    testid: 'rm-switch',
    data: { licenseId: license.id },
  });
  input.checked = Boolean(rm.allowed);
  const stateText = el('span', { class: 'switch-state', 'aria-hidden': 'true', text: rm.allowed ? 'On' : 'Off' });
  const wrap = el(
    'span',
    { class: 'switch-wrap' },
    input,
    el('label', {
      for: id,
      class: 'visually-hidden',
      text: `Allow Remote Management for ${product} ${license.licenseKey}`,
    }),
    stateText,
  );
  if (!rm.available) {
    const reasonId = uniqueId('rm-reason');
    input.disabled = true;
    input.setAttribute('aria-describedby', reasonId);
    wrap.append(
      el('small', {
        id: reasonId,
        class: 'hint',
        testid: 'rm-reason',
        text: remoteManagementUnavailableText(license.productName),
      }),
    );
  }
  // While a change is being saved, another click or Space changes nothing.
  input.addEventListener('click', (event) => {
    if (input.getAttribute('aria-disabled') === 'true') event.preventDefault();
  });
  input.addEventListener('change', () => toggleRemoteManagement(license, input, stateText));
  return wrap;
}

/**
 * Saves the switch, then draws the row again from the answer. The switch is aria-disabled while
 * it saves, not disabled: a disabled control loses keyboard focus, and the new row gets it back.
 */
async function toggleRemoteManagement(license, input, stateText) {
  const wanted = input.checked;
  input.setAttribute('aria-disabled', 'true');
  stateText.textContent = 'Saving…';
  try {
    license.remoteManagement = await api(`/api/v1/licenses/${encodeURIComponent(license.id)}/remote-management`, {
      method: 'PUT',
      body: { allowed: wanted },
    });
    announce(
      `Remote Management ${license.remoteManagement.allowed ? 'allowed' : 'not allowed'} for ` +
        `${license.productName} ${license.licenseKey}.`,
    );
  } catch (error) {
    showError(error);
  } finally {
    redrawRow(license);
  }
}

function redrawRow(license) {
  const body = $('licenses-body');
  const row = body.querySelector(`tr[data-license-id="${CSS.escape(license.id)}"]`);
  if (row) keepFocus(body, 'data-license-id', () => row.replaceWith(licenseRow(license)));
}

/**
 * The row carries the same Download record that GET /licenses/{id}/download answers (both come
 * from the same server code), so the button is a plain link: no extra request, and it works with
 * "open in new tab" and "copy link" too.
 */
function actionsView(license, product) {
  const actions = el('span', { class: 'row-actions' });
  const url = license.download && safeHttpUrl(license.download.url, window.location.origin);
  if (url) {
    actions.append(
      el(
        'a',
        {
          href: url,
          class: 'button button-small',
          testid: 'download',
          rel: 'noopener',
          data: { version: license.download.version },
          // The visible words first (WCAG 2.5.3, label in name), then which license.
          'aria-label': `Download ${license.download.version} of ${product}`,
        },
        `Download ${license.download.version}`,
      ),
    );
  } else {
    actions.append(el('small', { class: 'hint', testid: 'no-download', text: 'No release within maintenance' }));
  }
  const info = el(
    'button',
    {
      type: 'button',
      class: 'button button-small',
      testid: 'info',
      'aria-label': `Details of ${product} ${license.licenseKey}`,
    },
    'Details',
  );
  info.addEventListener('click', () => openSummary(license, info));
  actions.append(info);
  return actions;
}

// Search, filters, sort and pages -----------------------------------------------------------------

/** Typing replaces the URL entry (no history entry per keystroke); Enter searches at once. */
function applySearch({ force = false } = {}) {
  const q = $('search').value.trim();
  if (q === view.query.q && !force) return;
  view.query = { ...view.query, q, page: 0 };
  writeUrl();
  loadLicenses();
}

/** Shows the licenses a search finds, from the first page, with no other filter (after an attach). */
export function searchFor(q) {
  return changeQuery({ q, status: '', product: '', page: 0 });
}

function changeQuery(changes) {
  view.query = { ...view.query, ...changes };
  writeUrl({ push: true });
  return loadLicenses();
}

export function bindLicenses() {
  $('search').addEventListener(
    'input',
    debounce(() => applySearch(), SEARCH_DEBOUNCE_MS),
  );
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
    button.addEventListener('click', () =>
      changeQuery({ sort: nextSort(view.query.sort, button.dataset.field), page: 0 }),
    );
  }
  $('prev-page').addEventListener('click', () => changeQuery({ page: Math.max(0, view.query.page - 1) }));
  $('next-page').addEventListener('click', () => changeQuery({ page: view.query.page + 1 }));
}
