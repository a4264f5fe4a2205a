import { describe, expect, test } from 'vitest';
import { isPageSnapshot, SNAPSHOT_CAPS, sanitizeSnapshot } from '../../../src/core/declared/snapshot.ts';
import { fixtureJson } from './fixtures.ts';

describe('sanitizeSnapshot', () => {
  test('a well-formed snapshot passes unchanged', () => {
    const raw = fixtureJson('snapshot-news-site.json');
    const clean = sanitizeSnapshot(raw);
    expect(clean).toEqual(raw);
    expect(isPageSnapshot(raw)).toBe(true);
  });

  test('hostile values are dropped or normalised, never trusted', () => {
    const raw = fixtureJson('snapshot-hostile.json');
    expect(isPageSnapshot(raw)).toBe(false);
    const clean = sanitizeSnapshot(raw);
    expect(clean).toEqual({
      url: 'https://evil.example/',
      gpcInPage: null,
      tcf: { present: false, answered: false, data: { tcString: 42 } },
      gpp: { present: false, answered: false },
      usp: { present: false, answered: false },
      consentMode: { commands: [{ command: 'update', params: { ad_storage: 'granted' } }], ics: { ad_storage: { update: false } } },
      cmp: {},
      storage: { usprivacy: '1YYN' },
      scripts: ['https://cdn.example/a.js'],
      jsonLd: [],
      links: { privacyPolicy: [], anchors: [{ href: '/privacy', text: '', rel: '', inFooter: false }] },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(clean?.tcf.data)).toBe(Object.prototype);
  });

  test.each([null, 42, 'snapshot', [], { url: 7 }, {}])('not a snapshot: %j', (raw) => {
    expect(sanitizeSnapshot(raw)).toBeNull();
    expect(isPageSnapshot(raw)).toBe(false);
  });

  test('caps counts and sizes', () => {
    const raw = {
      url: `https://big.example/${'a'.repeat(10_000)}`,
      scripts: Array.from({ length: 1000 }, (_, i) => `https://cdn.example/${i}.js`),
      jsonLd: Array.from({ length: 50 }, () => 'x'.repeat(400_000)),
      storage: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`consent${i}`, 'v'.repeat(100_000)])),
      links: { privacyPolicy: [], anchors: Array.from({ length: 1000 }, (_, i) => ({ href: `/p${i}`, text: 't'.repeat(1000), rel: '', inFooter: true })) },
    };
    const clean = sanitizeSnapshot(raw);
    expect(clean?.url).toHaveLength(SNAPSHOT_CAPS.url);
    expect(clean?.scripts).toHaveLength(SNAPSHOT_CAPS.scripts);
    expect(clean?.jsonLd).toHaveLength(SNAPSHOT_CAPS.jsonLdBlocks);
    expect(clean?.jsonLd[0]).toHaveLength(SNAPSHOT_CAPS.jsonLdBlock);
    expect(Object.keys(clean?.storage ?? {})).toHaveLength(SNAPSHOT_CAPS.storageKeys);
    expect(Object.values(clean?.storage ?? {})[0]).toHaveLength(SNAPSHOT_CAPS.storageValue);
    expect(clean?.links.anchors).toHaveLength(SNAPSHOT_CAPS.anchors);
    expect(clean?.links.anchors[0]?.text).toHaveLength(SNAPSHOT_CAPS.linkText);
    expect(isPageSnapshot(raw)).toBe(false);
  });

  test('cyclic and deep API answers end at the depth cap', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const clean = sanitizeSnapshot({ url: 'https://a.example/', cmp: { cyclic, deep }, tcf: { present: true, answered: true, data: cyclic } });
    expect(clean).not.toBeNull();
    expect(() => JSON.stringify(clean)).not.toThrow();
    expect(JSON.stringify(clean).length).toBeLessThan(10_000);
  });
});
