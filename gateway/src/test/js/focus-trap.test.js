import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { trappedTabTarget } from '../../main/resources/static/js/focus-trap.js';

describe('Tab in an open dialog', () => {
  test('Tab on the last control wraps round to the first', () => {
    assert.equal(trappedTabTarget(2, 3, false), 0);
  });

  test('Shift+Tab on the first control wraps round to the last', () => {
    assert.equal(trappedTabTarget(0, 3, true), 2);
  });

  test('between the ends the browser moves focus itself', () => {
    assert.equal(trappedTabTarget(1, 3, false), -1);
    assert.equal(trappedTabTarget(1, 3, true), -1);
    assert.equal(trappedTabTarget(0, 3, false), -1);
  });

  test('from outside the controls (the dialog itself, a message) to the first or, backwards, the last', () => {
    assert.equal(trappedTabTarget(-1, 3, false), 0);
    assert.equal(trappedTabTarget(-1, 3, true), 2);
  });

  test('one control keeps the focus either way', () => {
    assert.equal(trappedTabTarget(0, 1, false), 0);
    assert.equal(trappedTabTarget(0, 1, true), 0);
  });

  test('no control: nothing to move to', () => {
    assert.equal(trappedTabTarget(-1, 0, false), -1);
  });
});
