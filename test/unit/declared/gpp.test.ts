import { GppModel } from '@iabgpp/cmpapi';
import { describe, expect, test } from 'vitest';
import { readGpp } from '../../../src/core/declared/gpp.ts';
import { ALL_PURPOSES, tcString } from './tc-strings.ts';

/** A real GPP string built with the reference library. */
function gpp(sections: Record<string, Record<string, unknown>>, tc?: string): string {
  const model = new GppModel();
  if (tc) model.decodeSection('tcfeuv2', tc);
  for (const [section, fields] of Object.entries(sections)) {
    for (const [field, value] of Object.entries(fields)) model.setFieldValue(section, field, value);
  }
  return model.encode();
}

const api = (data: unknown) => ({ present: true, answered: true, data });

describe('readGpp: US sections', () => {
  test.each([
    // [name, sections, opted out (what gpc-ignored reads), an opt-out refuses advertising]
    ['usnat opted out of everything', { usnat: { SaleOptOut: 1, SharingOptOut: 1, TargetedAdvertisingOptOut: 1 } }, true, true],
    ['usnat opted out, sharing not applicable', { usnat: { SaleOptOut: 1, SharingOptOut: 0, TargetedAdvertisingOptOut: 1 } }, true, true],
    // a partial opt-out: sale refused, targeted advertising still on — not what GPC asks for
    ['usnat opted out of sale only', { usnat: { SaleOptOut: 1, SharingOptOut: 2, TargetedAdvertisingOptOut: 2 } }, false, true],
    ['usnat opted out of targeted ads only', { usnat: { SaleOptOut: 2, SharingOptOut: 2, TargetedAdvertisingOptOut: 1 } }, false, true],
    ['usnat did not opt out', { usnat: { SaleOptOut: 2, SharingOptOut: 2, TargetedAdvertisingOptOut: 2 } }, false, false],
    ['usnat not applicable', { usnat: { SaleOptOut: 0, SharingOptOut: 0, TargetedAdvertisingOptOut: 0 } }, null, false],
    ['California did not opt out, GPC received', { usca: { SaleOptOut: 2, SharingOptOut: 2, Gpc: true } }, false, false],
    ['uspv1 opted out', { uspv1: { Notice: 'Y', OptOutSale: 'Y', LspaCovered: 'N' } }, true, true],
    ['two sections, one not opted out', { usnat: { SaleOptOut: 1, SharingOptOut: 1, TargetedAdvertisingOptOut: 1 }, usca: { SaleOptOut: 2, SharingOptOut: 2 } }, false, true],
  ])('%s', (_name, sections, optedOut, refused) => {
    const reading = readGpp(api({ gppString: gpp(sections), applicableSections: [7, 8, 6], signalStatus: 'ready' }), null);
    expect(reading?.source.valid).toBe(true);
    expect(reading?.signals).toHaveLength(1);
    const purposes = refused ? { advertising: false } : {};
    expect(reading?.signals[0]).toMatchObject({ source: 'gpp', optedOut, purposes });
    expect(reading?.recorded).toEqual(optedOut === null ? null : { source: 'gpp', choiceMade: true, purposes });
  });

  test('the GPC sub-section is kept in the detail', () => {
    const reading = readGpp(api({ gppString: gpp({ usnat: { SaleOptOut: 2, Gpc: true } }) }), null);
    expect(reading?.source.detail).toMatchObject({ sections: ['usnat'], decoded: { usnat: { SaleOptOut: 2, Gpc: true } } });
  });

  test('sections outside applicableSections are not signals', () => {
    const reading = readGpp(api({ gppString: gpp({ usnat: { SaleOptOut: 1 } }), applicableSections: [2] }), null);
    expect(reading?.signals).toEqual([]);
  });

  test('applicableSections [-1]: no section applies, even with a string (§3.6)', () => {
    const reading = readGpp(api({ gppString: 'DBABLA~BVQqAAAAAgA.QA', applicableSections: [-1], signalStatus: 'ready' }), null);
    expect(reading?.source).toMatchObject({ valid: true, detail: { applicableSections: [-1], sections: ['usnat'] } });
    expect(reading?.signals).toEqual([]);
    expect(reading?.recorded).toBeNull();
    const tc = tcString({ consents: [1, 8], legitimateInterests: [] });
    expect(readGpp(api({ gppString: gpp({}, tc), applicableSections: [-1] }), null)?.recorded).toBeNull();
    // a TCF section outside the applicable ones records nothing either
    expect(readGpp(api({ gppString: gpp({}, tc), applicableSections: [7] }), null)?.recorded).toBeNull();
  });

  test('the spec example usnat string decodes', () => {
    const reading = readGpp(null, { name: 'OTGPPConsent', value: 'DBABLA~BVQqAAAAAgA.QA' });
    expect(reading?.source).toMatchObject({ valid: true, detail: { from: 'stored:OTGPPConsent', sections: ['usnat'] } });
    expect(reading?.signals[0]?.optedOut).toBe(false);
  });
});

describe('readGpp: TCF EU section', () => {
  test('the embedded TC string gives the recorded consent', () => {
    const tc = tcString({ consents: [1, 8, 9, 10], legitimateInterests: [2, 7] });
    const reading = readGpp(api({ gppString: gpp({}, tc), applicableSections: [2] }), null);
    expect(reading?.source).toMatchObject({ valid: true, detail: { sections: ['tcfeuv2'] } });
    expect(reading?.recorded).toEqual({ source: 'gpp', choiceMade: true, purposes: { functional: false, analytics: true, advertising: false } });
    expect(reading?.signals).toEqual([]);
  });

  test('TCF and a US section together', () => {
    const tc = tcString({ consents: ALL_PURPOSES });
    const reading = readGpp(api({ gppString: gpp({ usca: { SaleOptOut: 1 } }, tc) }), null);
    expect(reading?.recorded?.purposes).toEqual({ functional: true, analytics: true, advertising: true });
    expect(reading?.signals[0]?.optedOut).toBe(true);
  });
});

describe('readGpp: invalid and absent', () => {
  test.each([
    ['not a GPP string', 'garbage', /not a GPP string/],
    ['a TC string where GPP was expected', 'CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA', /not a GPP string/],
    ['header announces a section that is missing', 'DBABLA', /could not be decoded/],
    ['broken usnat section', 'DBABLA~xxxx', /usnat section could not be decoded/],
    ['broken embedded TC string', 'DBABM~Cxx', /tcfeuv2 section/],
    ['too long', `D${'A'.repeat(40_000)}`, /longer than/],
  ])('%s', (_name, value, error) => {
    const reading = readGpp(api({ gppString: value }), null);
    expect(reading?.source.valid).toBe(false);
    expect(reading?.source.error).toMatch(error);
    expect(reading?.signals).toEqual([]);
    expect(reading?.recorded).toBeNull();
  });

  test('no section applies', () => {
    const reading = readGpp(api({ applicableSections: [-1], signalStatus: 'ready' }), null);
    expect(reading?.source).toMatchObject({ valid: true, detail: { applicableSections: [-1] } });
  });

  test('an API that never answered is an invalid source; no API at all is none', () => {
    expect(readGpp({ present: true, answered: false, error: 'no answer within 2500 ms' }, null)?.source).toMatchObject({
      valid: false,
      error: 'the GPP API did not answer: no answer within 2500 ms',
    });
    expect(readGpp({ present: false, answered: false }, null)).toBeNull();
  });
});
