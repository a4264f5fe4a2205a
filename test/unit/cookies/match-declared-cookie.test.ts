import { describe, expect, test } from 'vitest';
import { matchDeclaredCookie } from '../../../src/core/cookies/match-declared-cookie.ts';
import type { DeclaredCookie } from '../../../src/core/types.ts';

const d = (name: string, extra: Partial<DeclaredCookie> = {}): DeclaredCookie => ({
  name,
  purpose: 'analytics',
  retentionSeconds: null,
  source: 'cmp:test',
  ...extra,
});

describe('matchDeclaredCookie', () => {
  test.each([
    ['exact', '_ga', undefined, [d('_ga')], '_ga', 'exact', true],
    ['case-insensitive exact', 'phpsessid', undefined, [d('PHPSESSID')], 'PHPSESSID', 'exact', true],
    ['prefix flag', '_ga_XYZ', undefined, [d('_ga_', { prefix: true })], '_ga_', 'prefix', true],
    ['star', '_ga_XYZ', undefined, [d('_ga_*')], '_ga_*', 'prefix', true],
    ['xxx placeholder', '_gat_UA-1-2', undefined, [d('_gat_UA-XXXXXXX-X')], '_gat_UA-XXXXXXX-X', 'prefix', true],
    ['angle placeholder', '_hjSession_12', undefined, [d('_hjSession_<site_id>')], '_hjSession_<site_id>', 'prefix', true],
    ['hash placeholder', 'AMCV_1%40AdobeOrg', undefined, [d('AMCV_###')], 'AMCV_###', 'prefix', true],
    ['exact beats prefix', '_ga_X', undefined, [d('_ga_*'), d('_ga_X')], '_ga_X', 'exact', true],
    ['longest prefix wins', '_ga_abc', undefined, [d('_*'), d('_ga_*')], '_ga_*', 'prefix', true],
    ['same domain beats other domain', 'sid', 'shop.example', [d('sid', { domain: 'ads.example' }), d('sid', { domain: '.shop.example' })], 'sid', 'exact', true],
    ['subdomain matches', 'sid', 'www.shop.example', [d('sid', { domain: 'shop.example' })], 'sid', 'exact', true],
    ['other domain still matches, ranked low', '_ga', 'shop.example', [d('_ga', { domain: 'google.com' })], '_ga', 'exact', false],
  ])('%s', (_label, name, domain, list, matchedName, how, domainMatches) => {
    const m = matchDeclaredCookie(name, domain, list);
    expect(m?.declaration.name).toBe(matchedName);
    expect(m?.how).toBe(how);
    expect(m?.domainMatches).toBe(domainMatches);
  });

  test.each([
    ['no declarations', '_ga', []],
    ['different name', '_gid', [d('_ga')]],
    ['a name is not a prefix of itself unless declared so', '_gax', [d('_ga')]],
    ['one-character prefix is too vague', 'abc', [d('a*')]],
    ['empty declared name', 'abc', [d('')]],
  ])('no match: %s', (_label, name, list) => {
    expect(matchDeclaredCookie(name, undefined, list)).toBeNull();
  });
});
