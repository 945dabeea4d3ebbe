import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  FALLBACK_SUPPORT_EMAIL,
  attachArrived,
  attachBody,
  attachKindText,
  attachSearch,
  compactCode,
  safeHttpUrl,
  supportAddress,
} from '../../main/resources/static/js/checks.js';

describe('attach input', () => {
  test('the shape of a license key is sent as a key, compacted and in capitals', () => {
    assert.deepEqual(attachBody(' abcde-12345-fghij-67890-klmno '), { licenseKey: 'ABCDE-12345-FGHIJ-67890-KLMNO' });
    assert.deepEqual(attachBody('ABCDE-12345 -FGHIJ-67890-KLMNO'), { licenseKey: 'ABCDE-12345-FGHIJ-67890-KLMNO' });
  });

  test('anything else is a purchase id, only trimmed', () => {
    assert.deepEqual(attachBody(' DEMO-2001 '), { purchaseId: 'DEMO-2001' });
    assert.deepEqual(attachBody('ABCDE-12345-FGHIJ-67890'), { purchaseId: 'ABCDE-12345-FGHIJ-67890' });
  });

  test('the hint says what the input will be sent as', () => {
    assert.match(attachKindText('  '), /XXXXX-XXXXX-XXXXX-XXXXX-XXXXX/);
    assert.equal(attachKindText('abcde-12345-fghij-67890-klmno'), 'This will be sent as a license key.');
    assert.equal(attachKindText('DEMO-2001'), 'This will be sent as a purchase ID.');
  });

  test('a mailed code loses its spaces and is in capitals', () => {
    assert.equal(compactCode(' ab12 cd\t34 '), 'AB12CD34');
  });
});

describe('links from the server', () => {
  const base = 'https://portal.example.org';

  test('http and https become links, relative ones against the page', () => {
    assert.equal(safeHttpUrl('https://store.example.org/buy', base), 'https://store.example.org/buy');
    assert.equal(safeHttpUrl('/downloads/backup-5.2.exe', base), 'https://portal.example.org/downloads/backup-5.2.exe');
  });

  test('any other scheme, nothing and garbage do not', () => {
    assert.equal(safeHttpUrl('javascript:alert(1)', base), null);
    assert.equal(safeHttpUrl('data:text/html,<script>', base), null);
    assert.equal(safeHttpUrl('http://[', base), null);
    assert.equal(safeHttpUrl(undefined, base), null);
    assert.equal(safeHttpUrl('', base), null);
  });

  test('the support address is the catalog one if it looks like an address', () => {
    assert.equal(supportAddress('help@example.org'), 'help@example.org');
    assert.equal(supportAddress('help@example.org?cc=x y'), FALLBACK_SUPPORT_EMAIL);
    assert.equal(supportAddress('<a>@b'), FALLBACK_SUPPORT_EMAIL);
    assert.equal(supportAddress(undefined), FALLBACK_SUPPORT_EMAIL);
  });
});

describe('what an attach brought', () => {
  const rows = [
    { id: 'l1', purchaseId: 'DEMO-2001', licenseKey: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' },
    { id: 'l2', purchaseId: 'DEMO-2001', licenseKey: 'BBBBB-BBBBB-BBBBB-BBBBB-BBBBB' },
    { id: 'l3', purchaseId: 'DEMO-20011', licenseKey: 'CCCCC-CCCCC-CCCCC-CCCCC-CCCCC' },
  ];

  test('the list is searched for the purchase id or the key the request was started with', () => {
    assert.equal(attachSearch({ purchaseId: 'DEMO-2001' }), 'DEMO-2001');
    assert.equal(attachSearch({ licenseKey: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' }), 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA');
  });

  test('arrived once the list shows every license the confirm answer named', () => {
    assert.equal(attachArrived(rows, ['l1', 'l2']), true);
    assert.equal(attachArrived(rows.slice(0, 1), ['l1', 'l2']), false);
    assert.equal(attachArrived([], ['l1']), false);
  });

  test('other licenses the search finds do not count as arrived ones', () => {
    assert.equal(attachArrived([rows[2]], ['l1']), false);
  });
});
