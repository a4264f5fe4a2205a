import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatCookieAccuracy, measureCookieAccuracy, parseCsv } from '../../../bench/cookies.ts';

describe('parseCsv (RFC 4180)', () => {
  test.each([
    ['a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['"x, y",z', [['x, y', 'z']]],
    ['"say ""hi""",2', [['say "hi"', '2']]],
    ['"line\nbreak",2\n3,4', [['line\nbreak', '2'], ['3', '4']]],
    ['a,,c', [['a', '', 'c']]],
    ['', []],
    ['"unterminated,1', [['unterminated,1']]],
  ])('%j', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe('measureCookieAccuracy', () => {
  const csv = readFileSync(new URL('../../fixtures/cookies/ocd-sample.csv', import.meta.url), 'utf8');
  const r = measureCookieAccuracy(csv);

  test('counts rows with a usable label only', () => {
    expect(r.n).toBe(9);
  });

  test('coverage and accuracy', () => {
    // q7zz is unknown; OptanonConsent is labelled analytics but classified necessary; site_lang is
    // Personalization (functional) and classified functional; everything else right.
    expect(r.covered).toBe(8);
    expect(r.coverage).toBeCloseTo(8 / 9, 6);
    expect(r.accuracy).toBeCloseTo(7 / 8, 6);
    expect(r.lenientAccuracy).toBeCloseTo(7 / 8, 6);
  });

  test('confusion matrix and per-purpose scores', () => {
    expect(r.confusion.analytics.necessary).toBe(1);
    expect(r.confusion.advertising.unknown).toBe(1);
    expect(r.confusion.advertising.advertising).toBe(2);
    expect(r.perPurpose.advertising).toEqual({ precision: 1, recall: 2 / 3, support: 3 });
    expect(r.perPurpose.necessary.precision).toBeCloseTo(2 / 3, 6);
    expect(r.bySource['known-cookie'].decided).toBeGreaterThan(0);
  });

  test('wildcard rows are classified as a member of the family', () => {
    expect(r.confusion.analytics.analytics).toBe(2);
  });

  test('a tracker looked up by domain acts as the setter', () => {
    const trackerOfDomain = (domain: string) =>
      domain === 'criteo.com' ? { key: 'criteo', name: 'Criteo', category: 'advertising', organization: 'Criteo', purpose: 'advertising' as const } : null;
    // the plain order lets the setter decide; the refined one keeps Criteo's exact `uid` entry
    expect(measureCookieAccuracy(csv, { trackerOfDomain, setterPolicy: 'any-setter' }).bySource.tracker.decided).toBe(1);
    expect(measureCookieAccuracy(csv, { trackerOfDomain }).bySource.tracker.decided).toBe(0);
  });

  test('summary text', () => {
    const text = formatCookieAccuracy(r);
    expect(text).toContain('9 labelled names, 8 classified');
    expect(text).toContain('advertising');
  });

  test('rejects a file that is not in the format', () => {
    expect(() => measureCookieAccuracy('a,b\n1,2')).toThrow(/Open Cookie Database/);
  });
});
