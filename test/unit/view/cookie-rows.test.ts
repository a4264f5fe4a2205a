import { describe, expect, test } from 'vitest';
import type { DeclaredCookie, ObservedCookie } from '../../../src/core/types.ts';
import { cookieRows, findDeclaration } from '../../../src/core/view/cookie-rows.ts';
import type { DeclarationStatus } from '../../../src/core/view/cookie-rows.ts';
import { cookie, declared, observed, report, visit } from './fixture.ts';

const YEAR2 = 63_072_000;
const ga = cookie({
  name: '_ga',
  session: false,
  lifetimeSeconds: YEAR2,
  expiresAt: '2028-11-26T10:00:00.000Z',
  purpose: 'analytics',
  purposeSource: 'known-cookie',
  setBy: { via: 'script', url: 'https://www.googletagmanager.com/gtag/js?id=G-X' },
});

const decl = (d: Partial<DeclaredCookie>): DeclaredCookie => ({ name: '_ga', purpose: 'analytics', retentionSeconds: YEAR2, source: 'cmp:onetrust', ...d });

describe('findDeclaration', () => {
  test.each<[string, Partial<ObservedCookie>, DeclaredCookie[], string | null]>([
    ['exact name', {}, [decl({})], '_ga'],
    ['no match', { name: 'other' }, [decl({})], null],
    ['prefix', { name: '_ga_ABC' }, [decl({ name: '_ga_', prefix: true })], '_ga_'],
    ['longest prefix wins', { name: '_ga_ABC' }, [decl({ name: '_g', prefix: true }), decl({ name: '_ga_', prefix: true })], '_ga_'],
    ['exact beats prefix', { name: '_ga' }, [decl({ name: '_g', prefix: true }), decl({ name: '_ga' })], '_ga'],
    // as the findings rules: a provider's domain (Cookiebot lists google.com for _ga) still counts…
    ['a name match on another domain still counts', { domain: '.other.example' }, [decl({ domain: 'google.com' })], '_ga'],
    // …but a declaration on the cookie's own domain wins
    ['same-domain declaration preferred', {}, [decl({ domain: 'google.com', source: 'a' }), decl({ domain: 'shop.example', name: '_g*' })], '_g*'],
    ['subdomain matches', { domain: 'www.shop.example' }, [decl({ domain: '.shop.example' })], '_ga'],
    ['wildcard as CMP lists write it', { name: '_ga_ABC' }, [decl({ name: '_ga_*' })], '_ga_*'],
    ['names are matched case-insensitively', { name: '_GA' }, [decl({})], '_ga'],
  ])('%s', (_name, overrides, declarations, expected) => {
    expect(findDeclaration({ ...ga, ...overrides }, declarations)?.name ?? null).toBe(expected);
  });
});

describe('cookieRows', () => {
  test.each<[string, DeclaredCookie[], DeclarationStatus, boolean]>([
    ['no declaration at all', [], 'no-declaration', false],
    ['declared, same purpose', [decl({})], 'declared', false],
    ['declared under another purpose', [decl({ purpose: 'necessary' })], 'purpose-differs', false],
    ['others declared, not this one', [decl({ name: 'sid' })], 'undeclared', false],
    ['outlives declared retention 1.5×', [decl({ retentionSeconds: 86_400 })], 'declared', true],
  ])('%s', (_name, cookies, status, outlives) => {
    const [row] = cookieRows(observed([], [ga], { declared: declared({ cookies }) }));
    expect([row?.status, row?.outlivesDeclared]).toEqual([status, outlives]);
  });

  test.each<[string, Partial<ObservedCookie>, Partial<DeclaredCookie>, number | null, boolean]>([
    ['declared as session, lives two years', {}, { retentionSeconds: null, session: true }, null, true],
    ['site retention does not bind a third-party cookie', { party: 'third' }, { name: 'other' }, 86_400, false],
    ['site retention binds a first-party cookie', {}, { name: 'other' }, 86_400, true],
    ['a removed cookie outlives nothing', { removed: true }, { retentionSeconds: 60 }, null, false],
    ['the longest of several declarations counts', {}, { retentionSeconds: 60, purpose: 'necessary' }, null, false],
  ])('outlives: %s', (name, c, d, siteRetention, expected) => {
    const cookies = [decl(d)];
    if (name.startsWith('the longest')) cookies.push(decl({ name: '_ga*', retentionSeconds: YEAR2 }));
    const [row] = cookieRows(observed([], [{ ...ga, ...c }], { declared: declared({ cookies, retentionSeconds: siteRetention }) }));
    expect(row?.outlivesDeclared).toBe(expected);
  });

  test('site-level retention applies when the cookie has none', () => {
    const [row] = cookieRows(observed([], [ga], { declared: declared({ cookies: [decl({ retentionSeconds: null })], retentionSeconds: 14 * 86_400 }) }));
    expect(row?.outlivesDeclared).toBe(true);
  });

  test('lifetime, setter and purpose source', () => {
    const [row] = cookieRows(observed([], [ga]));
    expect(row?.lifetime).toEqual({ value: 2, unit: 'years', key: 'duration_years_other' });
    expect(row?.setterHost).toBe('www.googletagmanager.com');
    expect([row?.setBy.via, row?.purposeSource]).toEqual(['script', 'known-cookie']);
  });

  test('session cookies have no lifetime', () => {
    const [row] = cookieRows(observed([], [cookie()]));
    expect(row?.lifetime).toBeNull();
  });

  test('mismatches first, then third-party cookies, and one row per cookie across phases', () => {
    const third = cookie({ name: 'ide', domain: '.doubleclick.net', party: 'third', purpose: 'advertising' });
    const d = declared({ cookies: [decl({ name: 'sid', purpose: 'necessary' }), decl({ name: '_ga', purpose: 'necessary' })] });
    const r = report({
      visits: [
        visit({ phase: 'before-consent', declared: d, observed: { requests: [], cookies: [cookie(), ga] } }),
        visit({ phase: 'after-accept', declared: d, observed: { requests: [], cookies: [cookie(), third] } }),
      ],
    });
    expect(cookieRows(r).map((row) => [row.name, row.status, row.phases])).toEqual([
      ['_ga', 'purpose-differs', ['before-consent']],
      ['ide', 'undeclared', ['after-accept']],
      ['sid', 'declared', ['before-consent', 'after-accept']],
    ]);
  });
});
