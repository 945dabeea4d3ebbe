import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ApiError, waitText } from '../../main/resources/static/js/problems.js';
import {
  isAlreadyVerified,
  needsNewCode,
  problemName,
  resendRefusedText,
  resentText,
} from '../../main/resources/static/js/verification.js';

const problem = (status, name, more = {}, retryAfter = null) =>
  new ApiError(status, { type: `https://licensecentral.org/problems/${name}`, ...more }, retryAfter);

describe('the banner for an unverified address', () => {
  test("a problem is known by its type's last segment; anything else has none", () => {
    assert.equal(problemName(problem(400, 'verification-code-wrong')), 'verification-code-wrong');
    assert.equal(problemName(new ApiError(500, {}, null)), '');
    assert.equal(problemName(new TypeError('offline')), '');
  });

  test('an address confirmed meanwhile counts as done; an expired code needs a new one, a wrong one does not', () => {
    assert.equal(isAlreadyVerified(problem(409, 'already-verified')), true);
    assert.equal(isAlreadyVerified(problem(400, 'verification-code-wrong')), false);
    assert.equal(needsNewCode(problem(400, 'verification-code-expired')), true);
    assert.equal(needsNewCode(problem(400, 'verification-code-wrong')), false);
  });

  test('the wait for a new code reads in minutes from 90 seconds on, else in seconds', () => {
    assert.equal(waitText(3540), 'in 59 minutes');
    assert.equal(waitText(61), 'in 61 seconds');
    assert.equal(waitText(91), 'in 2 minutes');
    assert.equal(waitText(1), 'in 1 second');
    assert.equal(waitText(null), 'later');
  });

  test('a refused resend says that the last code still works and how long the next one waits', () => {
    const text = resendRefusedText(problem(429, 'verification-mail-wait', { detail: 'capped' }, 1200));
    assert.match(text, /last one still works/);
    assert.match(text, /in 20 minutes\.$/);
  });

  test("any other failure of a resend is the problem's own words", () => {
    assert.equal(
      resendRefusedText(problem(409, 'already-verified', { detail: 'Your e-mail address is confirmed already.' })),
      'Your e-mail address is confirmed already.',
    );
    assert.match(resendRefusedText(new TypeError('offline')), /Could not reach License Central/);
  });

  test('a new code names the address and says the codes before no longer work', () => {
    assert.equal(
      resentText('jo@example.org'),
      'A new code is on its way to jo@example.org. Codes sent before it no longer work.',
    );
  });
});
