import { describe, expect, test } from 'vitest';
import type { PurposeMap } from '../../../src/core/types.ts';
import { clampRetentionDays, historyRows, normalizeSiteInput, setPurpose } from '../../../src/core/view/preferences.ts';

describe('setPurpose', () => {
  test.each<[PurposeMap, boolean | null, PurposeMap]>([
    [{}, true, { analytics: true }],
    [{ analytics: true }, false, { analytics: false }],
    [{ analytics: true, social: false }, null, { social: false }],
  ])('%j + analytics=%s', (map, value, expected) => {
    expect(setPurpose(map, 'analytics', value)).toEqual(expected);
  });

  test('does not change its input', () => {
    const map: PurposeMap = { analytics: true };
    setPurpose(map, 'analytics', null);
    expect(map).toEqual({ analytics: true });
  });
});

describe('normalizeSiteInput', () => {
  test.each([
    ['shop.example', 'shop.example'],
    ['  https://www.Shop.example/basket?x=1 ', 'shop.example'],
    ['sub.shop.example', 'shop.example'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['alice.github.io', 'alice.github.io'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['', null],
    ['not a site', null],
    ['javascript:alert(1)', null],
  ])('%j → %s', (input, expected) => {
    expect(normalizeSiteInput(input)).toBe(expected);
  });
});

describe('historyRows', () => {
  test('newest first, findings summed', () => {
    const entry = { url: 'https://a.example/', requests: 3, thirdParties: 1, trackers: ['GA'], cookies: 2 };
    const rows = historyRows([
      { ...entry, site: 'a.example', at: '2026-11-25T10:00:00.000Z', findings: { high: 1, low: 2 } },
      { ...entry, site: 'b.example', at: '2026-11-26T10:00:00.000Z', findings: {} },
    ]);
    expect(rows.map((r) => [r.site, r.findings, r.serious, r.trackers])).toEqual([
      ['b.example', 0, 0, 1],
      ['a.example', 3, 1, 1],
    ]);
  });
});

describe('clampRetentionDays', () => {
  test.each([
    [14, 14],
    [0, 1],
    [1000, 365],
    [7.6, 8],
    [Number.NaN, 14],
  ])('%d → %d', (input, expected) => {
    expect(clampRetentionDays(input)).toBe(expected);
  });
});
