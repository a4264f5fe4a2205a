import { describe, expect, test } from 'vitest';
import { readConsentMode, readGoogleConsentParams } from '../../../src/core/declared/consent-mode.ts';
import type { ConsentModeCommand } from '../../../src/core/declared/snapshot.ts';

const denied = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', functionality_storage: 'granted', security_storage: 'granted' };
const grantAll = { ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted' };

describe('readConsentMode', () => {
  test.each<[string, ConsentModeCommand[], object, boolean]>([
    ['defaults only', [{ command: 'default', params: { ...denied, wait_for_update: 500 } }], { advertising: false, analytics: false, functional: true, necessary: true }, false],
    ['default then update', [{ command: 'default', params: denied }, { command: 'update', params: grantAll }], { advertising: true, analytics: true, functional: true, necessary: true }, true],
    ['a partial advertising grant is a refusal', [{ command: 'default', params: denied }, { command: 'update', params: { ad_storage: 'granted', analytics_storage: 'granted' } }], { advertising: false, analytics: true, functional: true, necessary: true }, true],
    ['region-scoped default yields to a region-less one', [{ command: 'default', params: { ...grantAll } }, { command: 'default', params: { ...denied, region: ['AT', 'DE'] } }], { advertising: true, analytics: true, functional: true, necessary: true }, false],
    ['unknown types and values are ignored', [{ command: 'default', params: { analytics_storage: 'maybe', foo_storage: 'granted', ad_storage: 'denied' } }], { advertising: false }, false],
  ])('dataLayer: %s', (_name, commands, purposes, choiceMade) => {
    const reading = readConsentMode({ commands, ics: null });
    expect(reading?.signal).toMatchObject({ source: 'consent-mode', purposes, choiceMade });
    expect(reading?.source).toMatchObject({ kind: 'consent-mode', valid: true, detail: { from: 'dataLayer' } });
  });

  test('ics wins over dataLayer; update ?? default', () => {
    const reading = readConsentMode({
      commands: [{ command: 'default', params: denied }],
      ics: { ad_storage: { default: false, update: true }, analytics_storage: { default: false }, ad_user_data: { default: true }, bogus: { default: true } },
    });
    expect(reading?.signal).toMatchObject({ purposes: { advertising: true, analytics: false }, choiceMade: true });
    expect(reading?.source.detail).toMatchObject({ from: 'ics', states: { ad_storage: true, analytics_storage: false, ad_user_data: true } });
  });

  test('no Consent Mode at all', () => {
    expect(readConsentMode({ commands: [], ics: null })).toBeNull();
    expect(readConsentMode({ commands: [], ics: {} })).toBeNull();
  });
});

describe('readGoogleConsentParams', () => {
  const ga = 'https://region1.google-analytics.com/g/collect?v=2&tid=G-X';
  test.each([
    ['gcs both denied', `${ga}&gcs=G100`, { advertising: false, analytics: false }, undefined],
    ['gcs analytics only', `${ga}&gcs=G101`, { advertising: false, analytics: true }, undefined],
    ['gcs both granted', `${ga}&gcs=G111`, { advertising: true, analytics: true }, undefined],
    ['gcd all denied by default', `${ga}&gcd=11p1p1p1p5`, { advertising: false, analytics: false }, false],
    ['gcd user granted all', `${ga}&gcs=G100&gcd=11r1r1r1r5`, { advertising: true, analytics: true }, true],
    ['gcd other separators, unset types', `${ga}&gcd=13l3v3l3l1`, { analytics: true }, true],
  ])('%s', (_name, url, purposes, choiceMade) => {
    const signal = readGoogleConsentParams(url);
    expect(signal?.source).toBe('gcs');
    expect(signal?.purposes).toEqual(purposes);
    expect(signal?.choiceMade).toBe(choiceMade);
  });

  test.each([`${ga}`, `${ga}&gcs=G2`, `${ga}&gcd=zz`, 'not a url'])('nothing to read: %s', (url) => {
    expect(readGoogleConsentParams(url)).toBeNull();
  });
});
