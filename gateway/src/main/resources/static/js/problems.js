// Failures of API calls and the words people see for them: the problem's detail (RFC 9457), never
// codes or JSON. Pure, so that the wording of every case is unit tested.

import { plural } from './format.js';

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

/** Retry-After is seconds or an HTTP date (RFC 9110); answers whole seconds, at least 1. */
export function retryAfterSeconds(header, now = Date.now()) {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - now) / 1000));
}

/** A wait of Retry-After seconds: "in 2 minutes" from 90 seconds on, "in 45 seconds" below, "later" unknown. */
export function waitText(seconds) {
  if (!seconds) return 'later';
  return seconds >= 90
    ? `in ${plural(Math.ceil(seconds / 60), 'minute', 'minutes')}`
    : `in ${plural(seconds, 'second', 'seconds')}`;
}

/** The words to show for a failure. */
export function errorText(error) {
  if (!(error instanceof ApiError)) {
    return 'Could not reach License Central. Check your connection and try again.';
  }
  if (error.status === 429) return `Too many attempts; try again ${waitText(error.retryAfter)}.`;
  const { detail, title } = error.problem;
  if (detail) return detail;
  if (error.status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  return title || 'That did not work. Please try again.';
}

// Validation problems list fields by their JSON names; people see these labels instead.
const ACCOUNT_FIELD_NAMES = {
  email: 'The e-mail address',
  password: 'The password',
  newPassword: 'The new password',
  code: 'The code',
};

/**
 * errorText() with two additions for the account forms: validation problems in words per field
 * rather than their JSON names, and a CSRF refusal (no cookie yet, or cookies blocked) as something to do.
 */
export function accountErrorText(error) {
  if (!(error instanceof ApiError)) return errorText(error);
  const { type, errors } = error.problem;
  if (error.status === 403 && String(type ?? '').endsWith('/csrf')) {
    return (
      'Your browser did not send the security cookie of this page. Allow cookies for this site, ' +
      'reload the page and try again.'
    );
  }
  const words = (Array.isArray(errors) ? errors : [])
    .filter((item) => item && item.message && ACCOUNT_FIELD_NAMES[item.field])
    .map((item) => `${ACCOUNT_FIELD_NAMES[item.field]} ${item.message}.`);
  return words.length > 0 ? words.join(' ') : errorText(error);
}

const problemOf = (error) => (error instanceof ApiError ? error.problem : {});

/** identity-service refused the password as too weak (it names no field then). */
export const isWeakPassword = (error) => String(problemOf(error).type ?? '').endsWith('/weak-password');

/** The first field (by its JSON name) a validation problem names; undefined when it names none. */
export function problemField(error) {
  const { errors } = problemOf(error);
  return Array.isArray(errors) ? errors[0]?.field : undefined;
}
