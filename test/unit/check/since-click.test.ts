// A phased check: which cookies of the observed visit were in fact written after the banner click.
import { describe, expect, test } from 'vitest';
import { withCookiesSinceClick, writtenSinceClick } from '../../../src/core/check/since-click.ts';
import type { ObservedCookie } from '../../../src/core/types.ts';
import { cookie } from '../findings/builders.ts';

const stored = (c: ObservedCookie): ObservedCookie => ({ ...c, at: 0, preexisting: true, setBy: { via: 'unknown' }, purpose: 'unknown', purposeSource: 'unknown' });

describe('writtenSinceClick', () => {
  const before = [cookie({ name: 'old', at: 100, value: 'a' }), cookie({ name: 'changed', at: 100, value: 'a' }), cookie({ name: 'touched', at: 100, value: 'a' })];
  const after = [
    cookie({ name: 'old', at: 100, value: 'a' }),
    cookie({ name: 'changed', at: 100, value: 'b' }),
    cookie({ name: 'touched', at: 900, value: 'a' }),
    cookie({ name: 'new', at: 950, value: 'x' }),
    cookie({ name: 'gone', at: 960, value: 'x', removed: true }),
  ];
  test('new, changed and re-written cookies, not untouched or removed ones', () => {
    expect([...writtenSinceClick(before, after).values()].map((c) => c.name).sort()).toEqual(['changed', 'new', 'touched']);
  });
});

describe('withCookiesSinceClick', () => {
  const ga = cookie({ name: '_ga', at: 1500, value: 'GA1.1.1.2', setBy: { via: 'script', url: 'https://www.googletagmanager.com/gtag/js?id=G-X' }, purpose: 'analytics', purposeSource: 'known-cookie' });
  const lang = cookie({ name: 'lang', at: 10, value: 'de', purpose: 'functional', purposeSource: 'known-cookie' });

  test('a cookie written after the click counts as the observed visit’s own, with the setter and purpose seen then', () => {
    const [gaNow, langNow] = withCookiesSinceClick([stored(ga), stored(lang)], [lang], [lang, ga]);
    expect(gaNow).toMatchObject({ name: '_ga', preexisting: false, at: 0, setBy: ga.setBy, purpose: 'analytics', purposeSource: 'known-cookie' });
    expect(langNow).toMatchObject({ name: 'lang', preexisting: true, setBy: { via: 'unknown' } });
  });

  test('a cookie the observed visit itself wrote keeps its own record', () => {
    const own = { ...ga, at: 300, preexisting: false };
    expect(withCookiesSinceClick([own], [], [ga])).toEqual([own]);
  });

  test('nothing changes without a click (no cookies either side)', () => {
    expect(withCookiesSinceClick([stored(ga)], [], [])).toEqual([stored(ga)]);
  });
});
