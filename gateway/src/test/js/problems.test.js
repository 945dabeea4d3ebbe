import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  ApiError,
  accountErrorText,
  errorText,
  isWeakPassword,
  problemField,
  retryAfterSeconds,
} from '../../main/resources/static/js/problems.js';

describe('Retry-After', () => {
  const now = Date.parse('2026-05-18T10:00:00Z');

  test('seconds, rounded up, at least one', () => {
    assert.equal(retryAfterSeconds('120', now), 120);
    assert.equal(retryAfterSeconds('1.2', now), 2);
    assert.equal(retryAfterSeconds('0', now), 1);
  });

  test('an HTTP date, as the seconds from now', () => {
    assert.equal(retryAfterSeconds('Mon, 18 May 2026 10:01:30 GMT', now), 90);
    assert.equal(retryAfterSeconds('Mon, 18 May 2026 09:00:00 GMT', now), 1);
  });

  test('none or garbage is unknown', () => {
    assert.equal(retryAfterSeconds(null, now), null);
    assert.equal(retryAfterSeconds('soon', now), null);
  });
});

describe('error texts', () => {
  test('no answer at all is a connection problem', () => {
    assert.match(errorText(new TypeError('Failed to fetch')), /Could not reach License Central/);
  });

  test('too many attempts say how long to wait, in minutes from 90 seconds on', () => {
    assert.equal(errorText(new ApiError(429, {}, 30)), 'Too many attempts; try again in 30 seconds.');
    assert.equal(errorText(new ApiError(429, {}, 1)), 'Too many attempts; try again in 1 second.');
    assert.equal(errorText(new ApiError(429, {}, 90)), 'Too many attempts; try again in 2 minutes.');
    assert.equal(errorText(new ApiError(429, {}, null)), 'Too many attempts; try again later.');
  });

  test('the detail of the problem, else its title, else a sentence by status', () => {
    assert.equal(errorText(new ApiError(409, { title: 'Conflict', detail: 'Already attached.' })), 'Already attached.');
    assert.equal(errorText(new ApiError(404, { title: 'Not Found' })), 'Not Found');
    assert.match(errorText(new ApiError(502, {})), /on our side/);
    assert.equal(errorText(new ApiError(400, {})), 'That did not work. Please try again.');
  });

  test('an ApiError carries status, problem and wait, and its message', () => {
    const error = new ApiError(429, { title: 'Too Many Requests' }, 5);
    assert.deepEqual([error.status, error.retryAfter, error.message], [429, 5, 'Too Many Requests']);
    assert.equal(new ApiError(500, {}).message, 'HTTP 500');
  });
});

describe('account forms', () => {
  const invalid = new ApiError(400, {
    title: 'Bad Request',
    errors: [
      { field: 'email', message: 'must be a well-formed email address' },
      { field: 'internalId', message: 'must not be null' },
      { field: 'code', message: 'must not be blank' },
    ],
  });

  test('validation problems are named by the field labels, unknown fields left out', () => {
    assert.equal(
      accountErrorText(invalid),
      'The e-mail address must be a well-formed email address. The code must not be blank.',
    );
  });

  test('a CSRF refusal says to allow cookies', () => {
    const csrf = new ApiError(403, { type: 'https://licensecentral.org/problems/csrf', title: 'Forbidden' });
    assert.match(accountErrorText(csrf), /Allow cookies for this site/);
  });

  test('anything else reads as any other failure', () => {
    assert.equal(accountErrorText(new ApiError(429, {}, 10)), 'Too many attempts; try again in 10 seconds.');
    assert.match(accountErrorText(new Error('offline')), /Could not reach/);
  });

  test('the field to correct: the first one named, or none', () => {
    assert.equal(problemField(invalid), 'email');
    assert.equal(problemField(new ApiError(400, {})), undefined);
    assert.equal(problemField(new Error('offline')), undefined);
  });

  test('a weak password is told by the problem type', () => {
    assert.equal(
      isWeakPassword(new ApiError(400, { type: 'https://licensecentral.org/problems/weak-password' })),
      true,
    );
    assert.equal(isWeakPassword(invalid), false);
    assert.equal(isWeakPassword(new Error('offline')), false);
  });
});
