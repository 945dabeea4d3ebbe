import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  ENDING_SOON_DAYS,
  daysFromToday,
  formatDate,
  maintenanceState,
  parseLocalDate,
  plural,
  productTitle,
  timeText,
} from '../../main/resources/static/js/format.js';

// A fixed "today" at noon, so that no test depends on when (or in which time zone) it runs.
const today = new Date(2026, 4, 18, 12, 0);
const day = (offset) => {
  const date = new Date(2026, 4, 18 + offset);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

describe('dates', () => {
  test('a LocalDate is that calendar day at local midnight, in any time zone', () => {
    const date = parseLocalDate('2026-05-18');
    assert.deepEqual(
      [date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()],
      [2026, 4, 18, 0, 0],
    );
  });

  test('days from today count calendar days, whatever the time of day', () => {
    assert.equal(daysFromToday(parseLocalDate(day(0)), today), 0);
    assert.equal(daysFromToday(parseLocalDate(day(1)), today), 1);
    assert.equal(daysFromToday(parseLocalDate(day(-1)), today), -1);
    assert.equal(daysFromToday(parseLocalDate(day(45)), new Date(2026, 4, 18, 23, 59)), 45);
  });

  test('a day is shown in the locale, the instant as given for <time>', () => {
    const medium = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
    assert.equal(formatDate('2026-05-18'), medium.format(new Date(2026, 4, 18)));
    assert.deepEqual(timeText('2026-05-18'), { datetime: '2026-05-18', text: medium.format(new Date(2026, 4, 18)) });
    assert.equal(timeText('2026-05-18T09:30:00Z', { withTime: true }).datetime, '2026-05-18T09:30:00Z');
  });

  test('nothing is null, and what is no date is shown as it came', () => {
    assert.equal(timeText(null), null);
    assert.equal(timeText(''), null);
    assert.deepEqual(timeText('soon', { withTime: true }), { datetime: null, text: 'soon' });
  });
});

describe('maintenance', () => {
  test('runs while more than the ending-soon days are left', () => {
    const state = maintenanceState({ maintenanceUntil: day(ENDING_SOON_DAYS + 1), maintenanceRunning: true }, today);
    assert.deepEqual(state, { phase: 'running', days: ENDING_SOON_DAYS + 1, badge: null });
  });

  test('ends soon within those days, and says how many are left', () => {
    assert.deepEqual(maintenanceState({ maintenanceUntil: day(ENDING_SOON_DAYS) }, today), {
      phase: 'ending-soon',
      days: ENDING_SOON_DAYS,
      badge: `Ends in ${ENDING_SOON_DAYS} days`,
    });
    assert.equal(maintenanceState({ maintenanceUntil: day(1) }, today).badge, 'Ends in 1 day');
    assert.equal(maintenanceState({ maintenanceUntil: day(0) }, today).badge, 'Ends today');
  });

  test('has expired once the day is past, or when the server says it no longer runs', () => {
    assert.equal(maintenanceState({ maintenanceUntil: day(-1), maintenanceRunning: true }, today).phase, 'expired');
    assert.deepEqual(maintenanceState({ maintenanceUntil: day(100), maintenanceRunning: false }, today), {
      phase: 'expired',
      days: 100,
      badge: 'Expired',
    });
  });
});

describe('names and counts', () => {
  test('a license is named by its product and edition', () => {
    assert.equal(productTitle('Backup', 'Server'), 'Backup Server');
    assert.equal(productTitle('Drive', null), 'Drive');
    assert.equal(productTitle('Drive', undefined), 'Drive');
  });

  test('one is singular, every other count plural', () => {
    assert.equal(plural(1, 'machine', 'machines'), '1 machine');
    assert.equal(plural(0, 'machine', 'machines'), '0 machines');
    assert.equal(plural(2, 'machine', 'machines'), '2 machines');
  });
});
