import { describe, expect, test } from 'vitest';
import { decodeTcString, readTcf } from '../../../src/core/declared/tcf.ts';
import type { PurposeMap } from '../../../src/core/types.ts';
import { fixtureJson } from './fixtures.ts';
import { ALL_PURPOSES, tcString } from './tc-strings.ts';

const acceptAll = tcString({ consents: ALL_PURPOSES, legitimateInterests: [2, 7, 8, 9, 10] });
const rejectAll = tcString({ consents: [], legitimateInterests: [2, 7, 8, 9, 10] });
const objectAll = tcString({ consents: [], legitimateInterests: [] });
const analyticsOnly = tcString({ consents: [1, 8, 9, 10], legitimateInterests: [2, 7] });
const noStorage = tcString({ consents: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11] });
const noP11 = tcString({ consents: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
const oldPolicy = tcString({ consents: ALL_PURPOSES, policyVersion: 2 });

describe('decodeTcString', () => {
  test.each<[string, string, string | undefined, boolean | null, PurposeMap]>([
    ['accept all', acceptAll, 'useractioncomplete', true, { functional: true, analytics: true, advertising: true }],
    ['reject all, legitimate interests kept', rejectAll, 'useractioncomplete', true, { functional: false, analytics: false, advertising: false }],
    ['reject all and object to everything', objectAll, 'useractioncomplete', true, { functional: false, analytics: false, advertising: false }],
    ['analytics only', analyticsOnly, 'tcloaded', true, { functional: false, analytics: true, advertising: false }],
    ['purpose 1 refused refuses all storage', noStorage, 'useractioncomplete', true, { functional: false, analytics: false, advertising: false }],
    ['purpose 11 never asked', noP11, 'useractioncomplete', true, { functional: true, analytics: true, advertising: true }],
    ['banner still shown', rejectAll, 'cmpuishown', false, { functional: false, analytics: false, advertising: false }],
    ['stored string, no event status', acceptAll, undefined, true, { functional: true, analytics: true, advertising: true }],
  ])('%s', (_name, tc, eventStatus, choiceMade, purposes) => {
    const decoded = decodeTcString(tc, eventStatus);
    expect(decoded.valid).toBe(true);
    expect(decoded.choiceMade).toBe(choiceMade);
    expect(decoded.purposes).toEqual(purposes);
    expect(decoded.detail).toMatchObject({ cmpId: 10, cmpVersion: 3, vendorConsentCount: 2, publisherCC: 'DE' });
  });

  test('detail lists purposes and flags an outdated policy version', () => {
    expect(decodeTcString(analyticsOnly).detail).toMatchObject({ purposeConsents: [1, 8, 9, 10], purposeLegitimateInterests: [2, 7], policyVersion: 5 });
    expect(decodeTcString(analyticsOnly).detail.outdated).toBeUndefined();
    const old = decodeTcString(oldPolicy);
    expect(old.valid).toBe(true);
    expect(old.detail).toMatchObject({ policyVersion: 2, outdated: true });
  });

  test.each([
    ['empty', '', /empty/],
    ['not base64url', 'C%%%', /base64url/],
    ['TCF v1 string', 'BOEFEAyOEFEAyAHABDENAI4AAAB9vABAASA', /version 1 is not supported/],
    ['truncated core segment', acceptAll.slice(0, 12), /could not be decoded/],
    ['random text', 'Cgarbage', /could not be decoded/],
    ['absurdly long', `C${'A'.repeat(40_000)}`, /longer than/],
  ])('invalid: %s', (_name, tc, error) => {
    const decoded = decodeTcString(tc);
    expect(decoded.valid).toBe(false);
    expect(decoded.error).toMatch(error);
    expect(decoded.choiceMade).toBeNull();
  });
});

describe('readTcf', () => {
  test('the API answer wins over the cookie', () => {
    const reading = readTcf(
      { present: true, answered: true, data: { tcString: acceptAll, eventStatus: 'tcloaded', gdprApplies: true, cmpId: 10 } },
      { name: 'euconsent-v2', value: rejectAll },
    );
    expect(reading?.source).toMatchObject({ kind: 'tcf', valid: true, detail: { from: 'api', gdprApplies: true, eventStatus: 'tcloaded' } });
    expect(reading?.recorded).toEqual({ source: 'tcf', choiceMade: true, purposes: { functional: true, analytics: true, advertising: true } });
  });

  test('falls back to the stored cookie when the API does not answer', () => {
    const reading = readTcf({ present: true, answered: false, error: 'no answer within 2500 ms' }, { name: 'euconsent-v2', value: rejectAll });
    expect(reading?.source).toMatchObject({ valid: true, detail: { from: 'cookie:euconsent-v2', apiError: 'no answer within 2500 ms' } });
    expect(reading?.recorded?.purposes).toEqual({ functional: false, analytics: false, advertising: false });
  });

  test('GDPR does not apply: a valid source, no recorded consent', () => {
    const reading = readTcf({ present: true, answered: true, data: { gdprApplies: false, cmpId: 7, tcfPolicyVersion: 5 } }, null);
    expect(reading?.source).toEqual({ kind: 'tcf', valid: true, detail: { from: 'api', gdprApplies: false, cmpId: 7, tcfPolicyVersion: 5 } });
    expect(reading?.recorded).toBeNull();
  });

  test('first visit (banner shown, no string yet): a valid source and no choice', () => {
    const api = { present: true, answered: true, data: { tcString: '', eventStatus: 'cmpuishown', gdprApplies: true, cmpId: 300, cmpStatus: 'loaded' } };
    const reading = readTcf(api, null);
    expect(reading?.source).toEqual({
      kind: 'tcf',
      valid: true,
      detail: { from: 'api', eventStatus: 'cmpuishown', gdprApplies: true, cmpId: 300, cmpStatus: 'loaded' },
    });
    expect(reading?.recorded).toEqual({ source: 'tcf', choiceMade: false, purposes: { functional: false, analytics: false, advertising: false } });
  });

  test('the CMP asks again (banner shown, no string) while an old euconsent-v2 cookie remains: the API stands (§2.3)', () => {
    const api = { present: true, answered: true, data: { tcString: '', eventStatus: 'cmpuishown', gdprApplies: true, cmpId: 300 } };
    const reading = readTcf(api, { name: 'euconsent-v2', value: tcString({ consents: [1, 2, 7, 8], legitimateInterests: [] }) });
    expect(reading?.source).toMatchObject({ valid: true, detail: { from: 'api', eventStatus: 'cmpuishown', storedCookie: 'euconsent-v2' } });
    expect(reading?.recorded).toMatchObject({ source: 'tcf', choiceMade: false });
  });

  test.each([
    ['never answered', { present: true, answered: false, error: 'threw: boom' }, /did not answer: threw: boom/],
    ['answered without a string', { present: true, answered: true, data: { eventStatus: 'tcloaded' } }, /without a TC string/],
    ['answered garbage', { present: true, answered: true, data: { tcString: 'Cnope', eventStatus: 'tcloaded' } }, /could not be decoded/],
  ])('invalid API answer: %s', (_name, api, error) => {
    const reading = readTcf(api, null);
    expect(reading?.source.valid).toBe(false);
    expect(reading?.source.error).toMatch(error);
    expect(reading?.recorded).toBeNull();
  });

  test('no API and no cookie: no source', () => {
    expect(readTcf({ present: false, answered: false }, null)).toBeNull();
    expect(readTcf(null, null)).toBeNull();
  });
});

interface TcFixture {
  name: string;
  tcString: string;
  valid: boolean;
  error?: string;
  [field: string]: unknown;
}

describe('real-world TC strings (test/fixtures/declared/tc-strings.json)', () => {
  const cases = fixtureJson('tc-strings.json') as TcFixture[];
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { tcString: tc, valid, error, name: _n, ...expected }) => {
    const decoded = decodeTcString(tc);
    expect(decoded.valid).toBe(valid);
    if (error !== undefined) expect(decoded.error).toContain(error);
    expect(decoded.detail).toMatchObject(expected);
  });
});
