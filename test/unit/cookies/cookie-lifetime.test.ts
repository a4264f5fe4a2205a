import { describe, expect, test } from 'vitest';
import { cookieLifetime, expiryIso } from '../../../src/core/cookies/cookie-lifetime.ts';

const NOW = Date.UTC(2026, 0, 1); // ms

describe('cookieLifetime', () => {
  test.each([
    ['session (null)', null, null],
    ['session (undefined)', undefined, null],
    ['one hour', NOW / 1000 + 3600, 3600],
    ['two years', NOW / 1000 + 63_072_000, 63_072_000],
    ['rounds fractional seconds', NOW / 1000 + 10.6, 11],
    ['expires exactly now', NOW / 1000, 0],
    ['already expired', NOW / 1000 - 100, 0],
    ['epoch zero (Max-Age=0)', 0, 0],
    ['NaN', Number.NaN, null],
    ['Infinity', Number.POSITIVE_INFINITY, null],
  ])('%s', (_label, expires, expected) => {
    expect(cookieLifetime(expires, NOW)).toBe(expected);
  });

  test('a non-finite clock gives null', () => {
    expect(cookieLifetime(NOW / 1000 + 5, Number.NaN)).toBeNull();
  });
});

describe('expiryIso', () => {
  test.each([
    [NOW / 1000, '2026-01-01T00:00:00.000Z'],
    [null, null],
    [1e20, null],
  ])('%s', (expires, expected) => {
    expect(expiryIso(expires)).toBe(expected);
  });
});
