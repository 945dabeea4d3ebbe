// Dates, numbers and names as the portal shows them, in the user's locale. Pure: no DOM, so that
// it is unit tested (the tests pin the logic, not a locale's spelling).

export const ENDING_SOON_DAYS = 30;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat();

export const formatNumber = (value) => numberFormat.format(value);

export const plural = (count, one, many) => `${numberFormat.format(count)} ${count === 1 ? one : many}`;

/** A LocalDate ("2026-05-18") as a local calendar day; `new Date(string)` would read it as UTC midnight. */
export function parseLocalDate(value) {
  const [year, month, day] = String(value).split('-').map(Number);
  return new Date(year, month - 1, day);
}

/** Whole calendar days from `today` (default: now) to `date`; negative when it is past. */
export function daysFromToday(date, today = new Date()) {
  const start = new Date(today);
  start.setHours(0, 0, 0, 0);
  return Math.round((date - start) / 86_400_000);
}

/** A LocalDate as a day, e.g. "18 May 2026". */
export const formatDate = (value) => dateFormat.format(parseLocalDate(value));

/** An instant ("2026-05-18T09:30:00Z") as a local day and time. */
export const formatDateTime = (value) => dateTimeFormat.format(new Date(value));

/**
 * What a <time> element shows for a LocalDate or (withTime) an instant: null for none, the raw
 * text for something that is not a date, else its machine value and the words.
 */
export function timeText(value, { withTime = false } = {}) {
  if (!value) return null;
  const date = withTime ? new Date(value) : parseLocalDate(value);
  if (Number.isNaN(date.getTime())) return { datetime: null, text: String(value) };
  return { datetime: value, text: (withTime ? dateTimeFormat : dateFormat).format(date) };
}

/** "Backup Professional": the product name with its edition, as lists and labels name a license. */
export const productTitle = (productName, edition) => `${productName ?? ''} ${edition ?? ''}`.trim();

/**
 * Where a license's maintenance stands: expired (the server says it no longer runs, or the day is
 * past), ending soon (within ENDING_SOON_DAYS), or running; `badge` is the words next to the date.
 */
export function maintenanceState({ maintenanceUntil, maintenanceRunning }, today = new Date()) {
  const days = daysFromToday(parseLocalDate(maintenanceUntil), today);
  const expired = maintenanceRunning === false || days < 0;
  if (expired) return { phase: 'expired', days, badge: 'Expired' };
  if (days <= ENDING_SOON_DAYS) {
    return { phase: 'ending-soon', days, badge: days === 0 ? 'Ends today' : `Ends in ${plural(days, 'day', 'days')}` };
  }
  return { phase: 'running', days, badge: null };
}
