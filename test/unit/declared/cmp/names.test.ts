import { describe, expect, test } from 'vitest';
import { type CookieSpec, Declarations, nameFromPattern, nameFromText } from '../../../../src/core/declared/cmp/declarations.ts';
import type { DeclaredCookie } from '../../../../src/core/types.ts';

describe('nameFromPattern: regex cookie names from Klaro and cookieconsent configs', () => {
  test.each([
    ['^_ga', { name: '_ga', prefix: true }],
    ['^_ga_.*', { name: '_ga_', prefix: true }],
    ['^_pk_.*$', { name: '_pk_', prefix: true }],
    ['^_pk_id\\..*$', { name: '_pk_id.', prefix: true }],
    ['^_hjSession_\\d+$', { name: '_hjSession_', prefix: true }],
    ['^_ga(_.*)?', { name: '_ga', prefix: true }],
    ['^_gid$', { name: '_gid', prefix: false }],
    ['_gid', { name: '_gid', prefix: false }],
    ['^__utm[a-z]*', { name: '__utm', prefix: true }],
  ])('/%s/ → %j', (source, expected) => {
    expect(nameFromPattern(source)).toEqual(expected);
  });

  test.each(['^(_fbp|fr)$', '.*', '^_ga|^_gid', '^_g.a', '^[a-z]+_id$', '^_ga(_x|_y)$'])('/%s/ is skipped with a reason', (source) => {
    const match = nameFromPattern(source);
    expect(match).toHaveProperty('skip');
    expect('skip' in match && match.skip).toContain(source);
  });
});

describe('nameFromText: declared names with wildcards', () => {
  test.each([
    ['_ga', { name: '_ga', prefix: false }],
    ['_ga_#', { name: '_ga_', prefix: true }],
    ['_pk_id#', { name: '_pk_id', prefix: true }],
    ['_pk_*', { name: '_pk_', prefix: true }],
    ['  lang  ', { name: 'lang', prefix: false }],
    ['<script>alert(1)</script>', { name: '<script>alert(1)</script>', prefix: false }],
  ])('%j → %j', (text, expected) => {
    expect(nameFromText(text)).toEqual(expected);
  });

  test.each(['', '   ', '#', '*_ga'])('%j is skipped', (text) => {
    expect(nameFromText(text)).toHaveProperty('skip');
  });
});

describe('Declarations: one declaration per name and purpose', () => {
  const exact = (name: string) => ({ name, prefix: false });
  const prefix = (name: string) => ({ name, prefix: true });
  const source = 'cmp:cookieconsent';
  const DAY = 86_400;
  test.each<[string, CookieSpec[], DeclaredCookie[]]>([
    [
      'an autoClear entry gets its domain and retention from the cookie table row',
      [{ name: exact('_fbp'), purpose: 'advertising' }, { name: exact('_fbp'), purpose: 'advertising', retention: '3 months', domain: 'shop.example' }],
      [{ name: '_fbp', purpose: 'advertising', retentionSeconds: 90 * DAY, domain: 'shop.example', source }],
    ],
    [
      'an autoClear regex /^_ga/ and the table row _ga are one declaration, kept as the pattern',
      [{ name: prefix('_ga'), purpose: 'analytics' }, { name: exact('_ga'), purpose: 'analytics', retention: '1 year' }],
      [{ name: '_ga', purpose: 'analytics', retentionSeconds: 365 * DAY, prefix: true, source }],
    ],
    [
      'in the other order too',
      [{ name: exact('_ga'), purpose: 'analytics', retention: '1 year' }, { name: prefix('_ga'), purpose: 'analytics' }],
      [{ name: '_ga', purpose: 'analytics', retentionSeconds: 365 * DAY, prefix: true, source }],
    ],
    [
      'a pattern and an exact name with different retentions stay two declarations',
      [{ name: prefix('_ga'), purpose: 'analytics', retention: '2 years' }, { name: exact('_ga'), purpose: 'analytics', retention: '1 year' }],
      [
        { name: '_ga', purpose: 'analytics', retentionSeconds: 730 * DAY, prefix: true, source },
        { name: '_ga', purpose: 'analytics', retentionSeconds: 365 * DAY, source },
      ],
    ],
    [
      'a session row fills an open entry',
      [{ name: exact('sid'), purpose: 'necessary' }, { name: exact('sid'), purpose: 'necessary', retention: 'Session' }],
      [{ name: 'sid', purpose: 'necessary', retentionSeconds: null, session: true, source }],
    ],
    [
      'another purpose is another declaration',
      [{ name: exact('_fbp'), purpose: 'advertising' }, { name: exact('_fbp'), purpose: 'social', retention: '3 months' }],
      [
        { name: '_fbp', purpose: 'advertising', retentionSeconds: null, source },
        { name: '_fbp', purpose: 'social', retentionSeconds: 90 * DAY, source },
      ],
    ],
    [
      'other domains are other declarations',
      [{ name: exact('id'), purpose: 'advertising', domain: 'a.example', retention: '1 day' }, { name: exact('id'), purpose: 'advertising', domain: 'b.example', retention: '2 days' }],
      [
        { name: 'id', purpose: 'advertising', retentionSeconds: DAY, domain: 'a.example', source },
        { name: 'id', purpose: 'advertising', retentionSeconds: 2 * DAY, domain: 'b.example', source },
      ],
    ],
  ])('%s', (_name, specs, expected) => {
    const declarations = new Declarations(source);
    for (const spec of specs) declarations.add(spec);
    expect(declarations.cookies).toEqual(expected);
  });
});
