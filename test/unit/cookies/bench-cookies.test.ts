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
  // A small inline sample in the database's column layout. Each row says what the classifier gives it and
  // how the three accuracy measures score it (strict = one-to-one mapping; fit = the database's own category
  // definitions; lenient = necessary ≈ functional).
  const HEADER = 'ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match';
  const ROWS: readonly string[] = [
    '1,Google Analytics,Analytics,_ga,,"Registers a unique ID, used to generate statistics.",2 years,Google,,0', // analytics: right
    '2,Google Analytics,Analytics,_ga_,,"GA4 session state, one per ""container"".",2 years,Google,,1', // wildcard → _ga_123456: right
    '3,Meta,Marketing,_fbp,,"Ads\nacross sites",3 months,Meta,,0', // advertising: right
    '4,PHP,Functional,PHPSESSID,,Session id,session,,,0', // functional: right
    '5,Example,Personalization,shop_language,,Language,1 year,,,0', // functional (name heuristic): right
    '6,Example,Security,XSRF-TOKEN,,CSRF,Session,,,0', // necessary: right
    '7,Unknown Co,Marketing,q7zz,,Mystery,1 year,,,0', // unknown: not covered
    '8,Criteo,Marketing,uid,criteo.com,Criteo id,13 months,Criteo,,0', // site-specific entry → advertising: right
    '9,Example,Analytics,OptanonConsent,,Labelled wrongly on purpose,1 year,,,0', // functional: wrong everywhere
    '10,Facebook,Marketing,c_user,,Social login,1 year,,,0', // social: strict wrong, fits "Marketing"
    '11,Example,Functional,_gid,,Labelled wrongly on purpose,1 day,,,0', // analytics: wrong everywhere
    '12,Example,Necessary,cf_clearance,,Bot check,1 year,,,0', // functional: wrong, right only where necessary ≈ functional
    '13,Example,Unclassified,skipme,,No usable label,1 year,,,0', // no usable label: not counted
  ];
  const csv = `${HEADER}\r\n${ROWS.join('\r\n')}\r\n`;
  const r = measureCookieAccuracy(csv);

  test('counts rows with a usable label only', () => {
    expect(r.n).toBe(12);
    expect(r.covered).toBe(11);
    expect(r.coverage).toBeCloseTo(11 / 12, 9);
  });

  test.each([
    // right: _ga, _ga_*, _fbp, PHPSESSID, shop_language, XSRF-TOKEN, uid@criteo = 7 of 11
    ['accuracy', 7 / 11],
    // + c_user (Marketing ∋ social) = 8 of 11
    ['definitionAccuracy', 8 / 11],
    // + cf_clearance (necessary ≈ functional) = 8 of 11
    ['lenientAccuracy', 8 / 11],
    // recall among covered rows: necessary 1/2, functional 2/3, analytics 2/3, advertising 2/3
    ['balancedAccuracy', (1 / 2 + 2 / 3 + 2 / 3 + 2 / 3) / 4],
  ] as const)('%s', (key, expected) => {
    expect(r[key]).toBeCloseTo(expected, 9);
  });

  test('confusion matrix: label → predicted', () => {
    expect(r.confusion).toEqual({
      necessary: { necessary: 1, functional: 1, analytics: 0, advertising: 0, social: 0, unknown: 0 },
      functional: { necessary: 0, functional: 2, analytics: 1, advertising: 0, social: 0, unknown: 0 },
      analytics: { necessary: 0, functional: 1, analytics: 2, advertising: 0, social: 0, unknown: 0 },
      advertising: { necessary: 0, functional: 0, analytics: 0, advertising: 2, social: 1, unknown: 1 },
      social: { necessary: 0, functional: 0, analytics: 0, advertising: 0, social: 0, unknown: 0 },
      unknown: { necessary: 0, functional: 0, analytics: 0, advertising: 0, social: 0, unknown: 0 },
    });
  });

  test.each([
    // predicted necessary: XSRF-TOKEN only; functional: PHPSESSID, shop_language, OptanonConsent, cf_clearance → 2 of 4
    ['necessary', { precision: 1, recall: 1 / 2, support: 2 }],
    ['functional', { precision: 2 / 4, recall: 2 / 3, support: 3 }],
    ['analytics', { precision: 2 / 3, recall: 2 / 3, support: 3 }],
    ['advertising', { precision: 1, recall: 2 / 4, support: 4 }],
    ['social', { precision: 0, recall: 0, support: 0 }],
  ] as const)('per purpose: %s', (purpose, expected) => {
    const got = r.perPurpose[purpose];
    expect(got.support).toBe(expected.support);
    expect(got.precision).toBeCloseTo(expected.precision, 9);
    expect(got.recall).toBeCloseTo(expected.recall, 9);
  });

  test('which step decided', () => {
    expect(r.bySource['known-cookie']).toEqual({ decided: 10, correct: 6 });
    expect(r.bySource.heuristic).toEqual({ decided: 1, correct: 1 });
    expect(r.bySource.unknown.decided).toBe(1);
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
    expect(text).toContain('12 labelled names, 11 classified (coverage 91.7%)');
    expect(text).toContain('accuracy on classified 63.6% (categories mapped one-to-one');
    expect(text).toContain('by the database\'s category definitions 72.7%');
    expect(text).toMatch(/advertising precision 100\.0% recall 50\.0% \(n=4\)/);
  });

  test('rejects a file that is not in the format', () => {
    expect(() => measureCookieAccuracy('a,b\n1,2')).toThrow(/Open Cookie Database/);
  });
});
