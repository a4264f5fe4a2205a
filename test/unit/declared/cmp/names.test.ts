import { describe, expect, test } from 'vitest';
import { nameFromPattern, nameFromText } from '../../../../src/core/declared/cmp/declarations.ts';

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
