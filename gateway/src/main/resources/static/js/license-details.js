// The license details dialog: fields, machines and history of one license.

import { api, showError } from './api.js';
import { openDialog } from './dialogs.js';
import { $, clearMessage, el, markReady, timeElement } from './dom.js';
import { productTitle } from './format.js';
import { maintenanceView, statusView } from './license-status.js';
import { historyText, modeLabel, timeline } from './wording.js';

export async function openSummary(license, opener) {
  $('summary-title').textContent = productTitle(license.productName, license.edition);
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
    [
      'Download',
      license.download
        ? el('span', {}, `${license.download.version}, released `, timeElement(license.download.releasedAt))
        : 'No release within maintenance',
    ],
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
      : el(
          'ul',
          { class: 'plain-list', testid: 'summary-activations' },
          ...activations.map((a) =>
            el(
              'li',
              { testid: 'summary-activation' },
              el('strong', { text: a.hostname }),
              ` · version ${a.productVersion} · ${modeLabel(a.mode)} · activated `,
              timeElement(a.activatedAt, { withTime: true }),
            ),
          ),
        ),
    el('h3', { text: 'History' }),
    el(
      'ol',
      { class: 'timeline', testid: 'history' },
      ...timeline(history).map((entry) =>
        el(
          'li',
          { testid: 'history-item', data: { event: entry.event } },
          timeElement(entry.at, { withTime: true }),
          el('span', { text: historyText(entry) }),
        ),
      ),
    ),
  ];
}
