import { describe, expect, test } from 'vitest';
import { type ClassifyCookieInput, classifyCookie, classifyStorageKey, sameVendor } from '../../../src/core/cookies/classify-cookie.ts';
import type { DeclaredCookie, TrackerInfo } from '../../../src/core/types.ts';

const tracker = (key: string, category: string, organization: string, purpose: TrackerInfo['purpose']): TrackerInfo => ({
  key,
  name: key,
  category,
  organization,
  purpose,
});
const GA = tracker('google_analytics', 'site_analytics', 'Google', 'analytics');
const GTM = tracker('google_tag_manager', 'utilities', 'Google', 'functional');
const DOUBLECLICK = tracker('doubleclick', 'advertising', 'Google', 'advertising');
const CRITEO = tracker('criteo', 'advertising', 'Criteo', 'advertising');
const HOTJAR = tracker('hotjar', 'site_analytics', 'Hotjar', 'analytics');
const ONETRUST = tracker('onetrust', 'consent', 'OneTrust', 'necessary');
const ZENDESK = tracker('zendesk', 'customer_interaction', 'Zendesk', 'functional');

const declared = (name: string, purpose: DeclaredCookie['purpose'], extra: Partial<DeclaredCookie> = {}): DeclaredCookie => ({
  name,
  purpose,
  retentionSeconds: null,
  source: 'cmp:onetrust',
  ...extra,
});

describe('classifyCookie: order declared → tracker → known cookie → heuristic → unknown', () => {
  const cases: [string, ClassifyCookieInput, string, string, string?][] = [
    ['declared beats the known table', { name: '_ga', declared: [declared('_ga', 'necessary')] }, 'necessary', 'declared'],
    ['declared beats a tracking setter', { name: 'x', setter: CRITEO, declared: [declared('x', 'functional')] }, 'functional', 'declared'],
    ['declared prefix', { name: '_ga_ABC123', declared: [declared('_ga_', 'analytics', { prefix: true })] }, 'analytics', 'declared', '(prefix)'],
    ['declared placeholder name', { name: '_gat_UA-1-1', declared: [declared('_gat_UA-XXXXXX', 'analytics')] }, 'analytics', 'declared'],
    ['declared wildcard name', { name: '_hjSession_42', declared: [declared('_hjSession_*', 'functional')] }, 'functional', 'declared'],
    ['declared with purpose unknown falls through', { name: '_ga', declared: [declared('_ga', 'unknown')] }, 'analytics', 'known-cookie'],
    ['declared other name does not match', { name: '_gid', declared: [declared('_ga', 'necessary')] }, 'analytics', 'known-cookie'],
    ['a tracking setter decides an unknown name', { name: 'zz9', setter: CRITEO }, 'advertising', 'tracker', 'Criteo'.toLowerCase()],
    ['a tracking setter decides a prefix match', { name: '_pk_id.1.abc', setter: CRITEO }, 'advertising', 'tracker'],
    ['a same-vendor setter agrees with the exact entry', { name: '_ga', setter: GA }, 'analytics', 'known-cookie'],
    ['a same-vendor setter does not override a prefix entry', { name: '_gcl_xyz', setter: GA }, 'advertising', 'known-cookie'],
    ['a utilities setter (GTM) says nothing about _ga', { name: '_ga', setter: GTM }, 'analytics', 'known-cookie'],
    ['a different vendor does not override a vendor-exact entry', { name: '_hjid', setter: DOUBLECLICK }, 'analytics', 'known-cookie'],
    ['an ad script writing a consent record: still a consent record', { name: 'OptanonConsent', setter: CRITEO }, 'functional', 'known-cookie'],
    ['same vendor, other purpose: the exact entry decides', { name: '_gcl_au', setter: GA }, 'advertising', 'known-cookie'],
    ['known cookie without setter', { name: '_fbp' }, 'advertising', 'known-cookie', '_fbp'],
    ['consent-manager setter decides after the table', { name: 'ot_custom', setter: ONETRUST }, 'necessary', 'tracker'],
    ['chat-widget setter decides after the table', { name: 'zz_state', setter: ZENDESK }, 'functional', 'tracker'],
    ['heuristic', { name: 'my_csrf' }, 'necessary', 'heuristic', 'CSRF'],
    ['heuristic on a session cookie', { name: 'appsession', lifetimeSeconds: null }, 'functional', 'heuristic'],
    ['a CSRF token is necessary (security)', { name: 'XSRF-TOKEN' }, 'necessary', 'known-cookie'],
    ['an anti-forgery token of a framework', { name: '.AspNetCore.Antiforgery.x1y2' }, 'necessary', 'known-cookie'],
    ['unknown', { name: 'q7' }, 'unknown', 'unknown'],
    ['unknown but flagged as an identifier', { name: 'q7', value: 'a8F3kL0pQ9xZ2mN7vB4c', lifetimeSeconds: 63_072_000 }, 'unknown', 'unknown', 'identifier'],
  ];
  test.each(cases)('%s', (_label, input, purpose, source, detail) => {
    const verdict = classifyCookie(input);
    expect(verdict.purpose).toBe(purpose);
    expect(verdict.source).toBe(source);
    expect(verdict.detail.length).toBeGreaterThan(0);
    if (detail) expect(verdict.detail.toLowerCase()).toContain(detail.toLowerCase());
  });

  test('the plain design order (any-setter) lets a different vendor override the table', () => {
    expect(classifyCookie({ name: '_hjid', setter: DOUBLECLICK }, { setterPolicy: 'any-setter' })).toMatchObject({ purpose: 'advertising', source: 'tracker' });
    expect(classifyCookie({ name: '_ga', setter: GTM }, { setterPolicy: 'any-setter' })).toMatchObject({ purpose: 'functional', source: 'tracker' });
  });

  test('declared domain ranks matches: the same-domain declaration wins', () => {
    const list = [declared('sid', 'advertising', { domain: 'ads.example' }), declared('sid', 'necessary', { domain: 'shop.example' })];
    expect(classifyCookie({ name: 'sid', domain: '.shop.example', declared: list }).purpose).toBe('necessary');
    expect(classifyCookie({ name: 'sid', domain: 'x.ads.example', declared: list }).purpose).toBe('advertising');
  });

  test('hostile input never throws', () => {
    const hostile = [
      { name: '<img src=x onerror=alert(1)>' },
      { name: 'x'.repeat(200_000), value: 'y'.repeat(200_000) },
      { name: 'a', declared: Array.from({ length: 20_000 }, (_, i) => declared(`n${i}`, 'analytics')) },
      { name: 'a', declared: [{ name: 42 } as unknown as DeclaredCookie] },
      { name: undefined as unknown as string },
    ];
    for (const input of hostile) expect(() => classifyCookie(input)).not.toThrow();
  });
});

describe('sameVendor', () => {
  test.each([
    ['google', GA, true],
    ['facebook', tracker('facebook', 'advertising', 'Meta', 'advertising'), true],
    ['the_trade_desk', tracker('the_trade_desk', 'advertising', 'The Trade Desk', 'advertising'), true],
    ['hotjar', CRITEO, false],
    ['google', HOTJAR, false],
  ])('%s vs %o → %s', (org, setter, expected) => {
    expect(sameVendor(org, setter)).toBe(expected);
  });
});

describe('classifyStorageKey', () => {
  test.each([
    ['_hjid', 'analytics', 'known-cookie'],
    ['amplitude_id_0123456789', 'analytics', 'known-cookie'],
    ['mp_abc_mixpanel', 'analytics', 'known-cookie'],
    ['ajs_user_id', 'analytics', 'known-cookie'],
    ['ajs_user_traits', 'analytics', 'known-cookie'],
    ['_fbp', 'advertising', 'known-cookie'],
    ['_pbjs_userid_consent_data', 'functional', 'known-cookie'],
    ['pbjs-unifiedid', 'advertising', 'known-cookie'],
    ['permutive-id', 'advertising', 'known-cookie'],
    ['intercom.intercom-state', 'functional', 'known-cookie'],
    ['i18nextLng', 'functional', 'known-cookie'],
    ['__paypal_storage__', 'functional', 'known-cookie'],
    ['ucData', 'functional', 'known-cookie'],
    ['site-theme', 'functional', 'heuristic'],
    ['zz', 'unknown', 'unknown'],
  ])('%s → %s (%s)', (name, purpose, source) => {
    expect(classifyStorageKey({ name })).toMatchObject({ purpose, source });
  });

  test('a tracking setter decides an unknown key', () => {
    expect(classifyStorageKey({ name: 'qx', setter: CRITEO })).toMatchObject({ purpose: 'advertising', source: 'tracker' });
  });

  test('values and lifetimes are ignored for storage keys', () => {
    expect(classifyStorageKey({ name: 'q7', value: 'a8F3kL0pQ9xZ2mN7vB4c', lifetimeSeconds: 63_072_000 }).detail).not.toContain('identifier');
  });
});
