// A license's status and maintenance as the list and the details dialog show them.

import { el, icon, timeElement } from './dom.js';
import { maintenanceState } from './format.js';
import { seatsText } from './wording.js';

export function statusView(license) {
  const activated = license.status === 'ACTIVATED';
  const view = el(
    'span',
    {
      class: `status ${activated ? 'status-on' : 'status-off'}`,
      testid: 'license-status',
      data: { status: license.status },
      title: activated ? null : 'Not activated means no machine uses this license right now. It has not expired.',
    },
    icon('key'),
    el('span', { class: 'status-text', text: activated ? 'Activated' : 'Not activated' }),
  );
  view.append(el('small', { class: 'hint', text: seatsText(license) }));
  return view;
}

export function maintenanceView(license) {
  const { phase, badge } = maintenanceState(license);
  const view = el(
    'span',
    { class: `maintenance maintenance-${phase}`, testid: 'maintenance', data: { maintenance: phase } },
    timeElement(license.maintenanceUntil),
  );
  if (badge)
    view.append(el('span', { class: `badge ${phase === 'expired' ? 'badge-expired' : 'badge-soon'}`, text: badge }));
  return view;
}
