import { describe, expect, test } from 'vitest';
import { decodeUspString, readUsp } from '../../../src/core/declared/usp.ts';

describe('decodeUspString', () => {
  test.each<[string, boolean | null]>([
    ['1YNN', false],
    ['1NYN', true],
    ['1YYY', true],
    ['1-Y-', true],
    ['1---', null],
    ['1YNY', false],
    ['1ynn', false],
  ])('%s → optedOut %s', (value, optedOut) => {
    const decoded = decodeUspString(value);
    expect(decoded.valid).toBe(true);
    expect(decoded.optedOut).toBe(optedOut);
  });

  test.each([
    ['garbage', /4 characters, got 7/],
    ['1YN', /4 characters, got 3/],
    ['1YNNN', /4 characters, got 5/],
    ['', /4 characters, got 0/],
    ['2YNN', /version "2"/],
    ['1YXN', /Y, N or -/],
    // where the CCPA applies, the opt-out flag must be Y or N (§4)
    ['1Y-N', /opt-out flag must be Y or N/],
    ['1--N', /opt-out flag must be Y or N/],
    ['1N-Y', /opt-out flag must be Y or N/],
  ])('invalid %j', (value, error) => {
    const decoded = decodeUspString(value);
    expect(decoded.valid).toBe(false);
    expect(decoded.error).toMatch(error);
  });
});

describe('readUsp', () => {
  test('API answer', () => {
    const reading = readUsp({ present: true, answered: true, data: { version: 1, uspString: '1YYN' } }, '1YNN');
    expect(reading?.source).toMatchObject({ kind: 'usp', valid: true, detail: { from: 'api', optOutSale: true, notice: true } });
    expect(reading?.signal).toEqual({ source: 'usp', purposes: { advertising: false }, optedOut: true, raw: '1YYN' });
    expect(reading?.recorded).toEqual({ source: 'usp', choiceMade: true, purposes: { advertising: false } });
  });

  test('usprivacy cookie, not opted out', () => {
    const reading = readUsp(null, '1YNN');
    expect(reading?.source.detail).toMatchObject({ from: 'cookie:usprivacy' });
    expect(reading?.signal).toEqual({ source: 'usp', purposes: {}, optedOut: false, raw: '1YNN' });
  });

  test('CCPA does not apply: a signal with optedOut null and no recorded state', () => {
    const reading = readUsp(null, '1---');
    expect(reading?.signal?.optedOut).toBeNull();
    expect(reading?.recorded).toBeNull();
  });

  test('garbage cookie: invalid source, no signal', () => {
    const reading = readUsp(null, 'garbage');
    expect(reading).toMatchObject({ source: { kind: 'usp', valid: false }, signal: null, recorded: null });
  });

  test('API present but silent', () => {
    expect(readUsp({ present: true, answered: false, error: 'no answer within 2500 ms' }, null)?.source).toMatchObject({ valid: false });
    expect(readUsp(null, null)).toBeNull();
  });
});
