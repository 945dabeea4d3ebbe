import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  FALLBACK_SUPPORT_EMAIL,
  attachBody,
  attachKindText,
  attachSearch,
  attachSettled,
  compactCode,
  newlyAttached,
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

  test('a purchase id names its licenses exactly, not those of a longer id the search also finds', () => {
    assert.deepEqual(
      newlyAttached({ purchaseId: 'DEMO-2001' }, rows, new Set()).map((row) => row.id),
      ['l1', 'l2'],
    );
  });

  test('a key names its one license', () => {
    assert.deepEqual(
      newlyAttached({ licenseKey: 'BBBBB-BBBBB-BBBBB-BBBBB-BBBBB' }, rows, new Set()).map((row) => row.id),
      ['l2'],
    );
  });

  test('licenses the account had before are not counted as attached', () => {
    assert.deepEqual(
      newlyAttached({ purchaseId: 'DEMO-2001' }, rows, new Set(['l1'])).map((row) => row.id),
      ['l2'],
    );
  });

  test('settled once some arrived and two loads in a row counted the same', () => {
    assert.equal(attachSettled([]), false);
    assert.equal(attachSettled([1]), false);
    assert.equal(attachSettled([0, 0]), false);
    assert.equal(attachSettled([0, 1]), false);
    assert.equal(attachSettled([0, 1, 1]), true);
    assert.equal(attachSettled([2, 2]), true);
    assert.equal(attachSettled([1, 2]), false);
  });
});
