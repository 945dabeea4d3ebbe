import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  DEFAULT_SORT,
  SORT_FIELDS,
  accountFlowFromHash,
  filtersActive,
  licenseListParams,
  nextSort,
  parseSort,
  parseViewState,
  serializeViewState,
  sortIndicator,
} from '../../main/resources/static/js/url-state.js';

const query = (changes = {}) => ({ q: '', sort: DEFAULT_SORT, page: 0, status: '', product: '', ...changes });

describe('parseViewState', () => {
  test('an empty query string is the licenses tab, unfiltered, newest purchase first, page 1', () => {
    assert.deepEqual(parseViewState(''), { tab: 'licenses', query: query() });
  });

  test('reads every parameter, the page 1-based in the URL and 0-based in the state', () => {
    const state = parseViewState(
      '?tab=activations&q=Backup%20Server&status=ACTIVATED&product=BACKUP&sort=edition,asc&page=3',
    );
    assert.deepEqual(state, {
      tab: 'activations',
      query: query({ q: 'Backup Server', status: 'ACTIVATED', product: 'BACKUP', sort: 'edition,asc', page: 2 }),
    });
  });

  test('every column the list shows sorts, edition and license key too, both ways', () => {
    for (const field of ['status', 'product', 'edition', 'purchasedAt', 'maintenanceUntil', 'licenseKey']) {
      for (const direction of ['asc', 'desc']) {
        assert.equal(parseViewState(`sort=${field},${direction}`).query.sort, `${field},${direction}`);
      }
    }
    assert.equal(SORT_FIELDS.length, 6);
  });

  test('an unknown or malformed value falls back to its default', () => {
    const state = parseViewState('tab=admin&sort=purchaseEmail,asc&status=EXPIRED&product=backup&page=-4');
    assert.deepEqual(state, { tab: 'licenses', query: query() });
    assert.equal(parseViewState('sort=product,up').query.sort, DEFAULT_SORT);
    assert.equal(parseViewState('sort=product').query.sort, DEFAULT_SORT);
    assert.equal(parseViewState('page=abc').query.page, 0);
    assert.equal(parseViewState('product=' + 'A'.repeat(33)).query.product, '');
  });

  test('cuts the search text to the 100 characters the API accepts', () => {
    assert.equal(parseViewState(`q=${'x'.repeat(150)}`).query.q, 'x'.repeat(100));
  });
});

describe('serializeViewState', () => {
  test('the defaults leave the query string empty', () => {
    assert.equal(serializeViewState({ tab: 'licenses', query: query() }), '');
  });

  test('writes what differs from the defaults, the page 1-based', () => {
    const search = serializeViewState({
      tab: 'activations',
      query: query({ q: 'kup Ser', status: 'NOT_ACTIVATED', product: 'BACKUP', sort: 'licenseKey,desc', page: 1 }),
    });
    assert.equal(search, 'tab=activations&q=kup+Ser&status=NOT_ACTIVATED&product=BACKUP&sort=licenseKey%2Cdesc&page=2');
  });

  test('what it writes reads back as the same state', () => {
    const state = { tab: 'licenses', query: query({ q: 'Backup & Server', sort: 'edition,desc', page: 4 }) };
    assert.deepEqual(parseViewState(serializeViewState(state)), state);
  });
});

describe('sorting', () => {
  test('a new column sorts ascending, the same column again turns round, and back', () => {
    assert.equal(nextSort(DEFAULT_SORT, 'edition'), 'edition,asc');
    assert.equal(nextSort('edition,asc', 'edition'), 'edition,desc');
    assert.equal(nextSort('edition,desc', 'edition'), 'edition,asc');
    assert.equal(nextSort('edition,desc', 'licenseKey'), 'licenseKey,asc');
  });

  test('a malformed sort reads as the default', () => {
    assert.deepEqual(parseSort('nonsense'), { field: 'purchasedAt', direction: 'desc' });
    assert.deepEqual(parseSort(undefined), { field: 'purchasedAt', direction: 'desc' });
  });

  test('only the sorted column shows aria-sort and an arrow', () => {
    assert.deepEqual(sortIndicator('licenseKey,asc', 'licenseKey'), { ariaSort: 'ascending', mark: ' ▲' });
    assert.deepEqual(sortIndicator('licenseKey,desc', 'licenseKey'), { ariaSort: 'descending', mark: ' ▼' });
    assert.deepEqual(sortIndicator('licenseKey,desc', 'edition'), { ariaSort: 'none', mark: '' });
  });
});

describe('the list request', () => {
  test('sends sort, page and size always, the filters only when set', () => {
    assert.equal(licenseListParams(query(), 25), 'sort=purchasedAt%2Cdesc&page=0&size=25');
    assert.equal(
      licenseListParams(query({ q: 'Professional', status: 'ACTIVATED', product: 'BACKUP', page: 2 }), 25),
      'sort=purchasedAt%2Cdesc&page=2&size=25&q=Professional&status=ACTIVATED&product=BACKUP',
    );
  });

  test('a search or a filter counts as filtering, the sort and page do not', () => {
    assert.equal(filtersActive(query({ sort: 'edition,asc', page: 3 })), false);
    assert.equal(filtersActive(query({ q: 'Server' })), true);
    assert.equal(filtersActive(query({ status: 'ACTIVATED' })), true);
    assert.equal(filtersActive(query({ product: 'DRIVE' })), true);
  });
});

describe('accountFlowFromHash', () => {
  test("the login page's links open account creation and password reset", () => {
    assert.equal(accountFlowFromHash('#create-account'), 'register');
    assert.equal(accountFlowFromHash('#reset-password'), 'reset');
  });

  test('any other fragment opens nothing', () => {
    for (const hash of ['', '#', '#main', '#constructor', '#__proto__', '#CREATE-ACCOUNT']) {
      assert.equal(accountFlowFromHash(hash), null, hash);
    }
  });
});
