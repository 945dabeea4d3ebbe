import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { formatDate, formatDateTime } from '../../main/resources/static/js/format.js';
import {
  attachedText,
  attachedTitle,
  deactivationText,
  historyLabel,
  historyText,
  isOfflineWithCode,
  licenseNames,
  modeLabel,
  noResultsText,
  pageInfoText,
  remoteManagementUnavailableText,
  seatsText,
  timeline,
} from '../../main/resources/static/js/wording.js';

describe('history', () => {
  test('known events have their words', () => {
    assert.equal(historyLabel('LicenseIssued'), 'License issued');
    assert.equal(historyLabel('LicenseAttached'), 'Attached to an account');
    assert.equal(historyLabel('MaintenanceExtended'), 'Maintenance extended');
    assert.equal(historyLabel('RemoteManagementToggled'), 'Remote Management switched');
    assert.equal(historyLabel('LicenseActivationStatusChanged'), 'Activation status changed');
  });

  test('Remote Management says on or off', () => {
    const toggled = (allowed) => ({ event: 'RemoteManagementToggled', details: { remoteManagementAllowed: allowed } });
    assert.equal(historyText(toggled(true)), 'Remote Management switched on');
    assert.equal(historyText(toggled(false)), 'Remote Management switched off');
  });

  test('an activation names the machine, a release also why', () => {
    const change = (details) => ({
      event: 'LicenseActivationStatusChanged',
      details: { activeActivations: 1, ...details },
    });
    assert.equal(historyText(change({ machine: 'office-pc', machineActivated: true })), 'Activated on office-pc');
    const released = (reason) => historyText(change({ machine: 'office-pc', machineActivated: false, reason }));
    assert.equal(released('DEACTIVATED_BY_OWNER'), 'Deactivated on office-pc');
    assert.equal(released('OFFLINE_DEACTIVATION'), 'Deactivated on office-pc with its offline deactivation code');
    assert.equal(released('LOST_MACHINE_RELEASE'), 'Released from office-pc as a lost machine');
    assert.equal(released('LEASE_EXPIRED'), 'Released from office-pc: its lease ended without a check-in');
    assert.equal(released('RELEASED_BY_PRODUCT'), 'Released by the product on office-pc');
    assert.equal(released('UNKNOWN'), 'Released from office-pc');
    assert.equal(historyText(change({ machine: '', machineActivated: true })), 'Activated on a machine');
  });

  test('an activation change from before machines were kept says the count', () => {
    const old = (count) => ({ event: 'LicenseActivationStatusChanged', details: { activeActivations: count } });
    assert.equal(historyText(old(2)), 'Activation status changed: in use on 2 machines');
    assert.equal(historyText(old(0)), 'Activation status changed: not in use on any machine');
  });

  test('an attach says from whom and to whom, as the server masked them', () => {
    assert.equal(
      historyText({
        event: 'LicenseAttached',
        details: { fromEmail: 'bu***@example.org', toEmail: 'me***@example.org' },
      }),
      'Attached from bu***@example.org to me***@example.org',
    );
    assert.equal(
      historyText({ event: 'LicenseAttached', details: { toEmail: 'me***@example.org' } }),
      'Attached to me***@example.org',
    );
  });

  test('an extension says the new last day of maintenance as the portal writes dates', () => {
    assert.equal(
      historyText({ event: 'MaintenanceExtended', details: { maintenanceUntil: '2028-03-14' } }),
      `Maintenance extended to ${formatDate('2028-03-14')}`,
    );
  });

  test('an entry without details says its event', () => {
    assert.equal(historyText({ event: 'RemoteManagementToggled' }), 'Remote Management switched');
    assert.equal(historyText({ event: 'MaintenanceExtended', details: {} }), 'Maintenance extended');
    assert.equal(historyText({ event: 'LicenseIssued', details: {} }), 'License issued');
  });

  test('an event the portal does not know yet is split into words', () => {
    assert.equal(historyLabel('LicenseTransferredToReseller'), 'License Transferred To Reseller');
  });

  test('is shown oldest first by sequence, without changing the answer', () => {
    const history = [
      { sequence: 2, event: 'MaintenanceExtended' },
      { sequence: 0, event: 'LicenseIssued' },
      { sequence: 1, event: 'LicenseAttached' },
    ];
    assert.deepEqual(
      timeline(history).map((entry) => entry.sequence),
      [0, 1, 2],
    );
    assert.equal(history[0].sequence, 2);
    assert.deepEqual(timeline(undefined), []);
  });
});

describe('list texts', () => {
  test('an empty search names the text, and says when filters narrowed it too', () => {
    assert.equal(noResultsText({ q: 'Server', status: '', product: '' }), 'No licenses match “Server”.');
    assert.equal(
      noResultsText({ q: 'Server', status: 'ACTIVATED', product: '' }),
      'No licenses match “Server” with these filters.',
    );
    assert.equal(noResultsText({ q: '', status: '', product: 'DRIVE' }), 'No licenses match these filters.');
  });

  test('the pager counts pages from 1 and says at least page 1 of 1', () => {
    assert.equal(pageInfoText({ page: 1, totalPages: 3, totalItems: 51 }), 'Page 2 of 3 · 51 licenses');
    assert.equal(pageInfoText({ page: 0, totalPages: 0, totalItems: 0 }), 'Page 1 of 1 · 0 licenses');
    assert.equal(pageInfoText({ page: 0, totalPages: 1, totalItems: 1 }), 'Page 1 of 1 · 1 license');
  });

  test('seats in use, or that not activated does not mean expired', () => {
    assert.equal(seatsText({ status: 'ACTIVATED', activeActivations: 1, maxActivations: 2 }), '1 of 2 machines');
    assert.equal(seatsText({ status: 'ACTIVATED', activeActivations: 1, maxActivations: 1 }), '1 of 1 machine');
    assert.match(seatsText({ status: 'NOT_ACTIVATED', activeActivations: 0, maxActivations: 2 }), /not mean expired/);
  });

  test('after an attach: how many arrived and which products', () => {
    assert.equal(attachedText(['Backup Server']), '1 license was attached to your account: Backup Server.');
    assert.equal(
      attachedText(['Backup Server', 'Explorer Standard', 'Backup Server']),
      '3 licenses were attached to your account: Backup Server (2) and Explorer Standard.',
    );
  });

  test('after an attach that turned the list to a search: says so', () => {
    assert.equal(
      attachedText(['Drive Home'], 'DEMO-2001'),
      '1 license was attached to your account: Drive Home. The list now shows the licenses matching “DEMO-2001”.',
    );
  });

  test('after an attach whose licenses did not show up in time: which they are, and that they will', () => {
    assert.equal(
      attachedText(['Backup Server', 'Drive Home'], '', true),
      '2 licenses were attached to your account: Backup Server and Drive Home. They show up in the list shortly.',
    );
    assert.match(attachedText([]), /^Confirmed\. .* show up in the list shortly\.$/);
  });

  test('an attached license by its product and edition, or still counted when the answer has its id alone', () => {
    assert.equal(
      attachedTitle({ id: 'l1', productName: 'Backup', edition: 'Server', licenseKeyEnd: 'R3RR9' }),
      'Backup Server',
    );
    assert.equal(attachedTitle({ id: 'l2', productName: null, edition: null, licenseKeyEnd: null }), 'a license');
  });

  test('license names: one each, the same one counted, joined as a sentence', () => {
    assert.equal(licenseNames(['Backup Home']), 'Backup Home');
    assert.equal(licenseNames(['A', 'B', 'C']), 'A, B, and C');
    assert.equal(licenseNames(['A', 'A', 'A']), 'A (3)');
  });

  test('an unavailable Remote Management switch names the Backup 5.2 rule and the product', () => {
    assert.equal(
      remoteManagementUnavailableText('Explorer'),
      'Not available: Remote Management is for Backup 5.2 and newer only, not for Explorer.',
    );
  });
});

describe('activations', () => {
  const online = { hostname: 'pc-1', licenseKey: 'AAAAA-BBBBB', mode: 'ONLINE', leaseEnds: '2026-06-01T10:00:00Z' };
  const offline = { ...online, mode: 'OFFLINE' };

  test('modes in words, an unknown one as it came', () => {
    assert.equal(modeLabel('ONLINE'), 'Online');
    assert.equal(modeLabel('OFFLINE'), 'Offline');
    assert.equal(modeLabel('LEGACY'), 'LEGACY');
    assert.equal(modeLabel(undefined), '—');
  });

  test('an offline machine with a lease is freed with its code; one from before leases like an online one', () => {
    assert.equal(isOfflineWithCode(offline), true);
    assert.equal(isOfflineWithCode({ ...offline, leaseEnds: null }), false);
    assert.equal(isOfflineWithCode(online), false);
  });

  test('the offline text asks for the code and says until when the seat stays taken', () => {
    const text = deactivationText(offline, 'Backup Server');
    assert.match(text, /^pc-1 \(Backup Server, AAAAA-BBBBB\) was activated offline/);
    assert.match(text, /license-client deactivate --offline/);
    assert.ok(text.endsWith(`its seat stays taken until ${formatDateTime(offline.leaseEnds)}.`));
  });

  test('the online text says the machine stops at its next check-in, at the latest when its lease ends', () => {
    const text = deactivationText(online, 'Backup Server');
    assert.match(text, /^pc-1 \(Backup Server, AAAAA-BBBBB\) will be deactivated now/);
    assert.ok(text.endsWith(`when its lease ends (${formatDateTime(online.leaseEnds)}).`));
    assert.ok(deactivationText({ ...online, leaseEnds: null }, 'Drive').endsWith('stops at its next check-in.'));
  });
});
