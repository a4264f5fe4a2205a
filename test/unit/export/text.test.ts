import { describe, expect, test } from 'vitest';
import { formatText, wrapText } from '../../../src/core/export/text.ts';
import { loadReport } from './helpers.ts';

const report = loadReport('report');
const hostile = loadReport('hostile-report');

describe('formatText', () => {
  const plain = formatText(report, { color: false, failOn: 'high' });

  test('header names site, URL, browser and phases', () => {
    expect(plain).toContain('Candor report for shop.example');
    expect(plain).toContain('https://www.shop.example/basket');
    expect(plain).toContain('Chromium 156.0.8078.108');
    expect(plain).toContain('before-consent, after-reject, after-accept');
    expect(plain).toContain('24 requests · 7 third parties · 5 trackers · 5 cookies');
  });

  test('groups findings by severity, high first', () => {
    const order = ['HIGH (3)', 'MEDIUM (4)', 'LOW (1)', 'INFO (1)'].map((h) => plain.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('each finding has its kind, phase and evidence lines', () => {
    expect(plain).toContain('Advertising cookie set after you refused [consent-ignored, after-reject]');
    expect(plain).toContain('    - cookie _fbp on .shop.example (after-reject)');
    expect(plain).toContain('    - declared by cmp:onetrust: name _ga, purpose analytics, retention 1 year');
  });

  test('trackers by company and third parties', () => {
    expect(plain).toMatch(/Trackers by company\n {2}Google \(6 requests\)\n {4}Google Tag Manager/);
    expect(plain).toContain('  Unknown company (1 request)');
    expect(plain).toContain('  facebook.com: 2 requests — Facebook Pixel');
  });

  test('a tracker found behind a host of the site names that host and its CNAME', () => {
    const copy = structuredClone(report);
    const ga = copy.visits[0]?.observed.requests.find((r) => r.tracker?.name === 'Google Analytics');
    if (!ga) throw new Error('fixture has no Google Analytics request');
    Object.assign(ga, { url: 'https://metrics.shop.example/g/collect?v=2', party: 'first', site: 'shop.example', cname: 'shop-example.ssgtm.example-cdn.net' });
    expect(formatText(copy, { color: false, failOn: 'high' })).toMatch(
      /\n {4}Google Analytics — analytics, .*\n {6}behind the site's own metrics\.shop\.example \(CNAME shop-example\.ssgtm\.example-cdn\.net\)\n/,
    );
    // the fixture's Hotjar request has a CNAME too, to a CDN: a third party's own, which hides nothing
    expect(plain).not.toContain('CNAME');
  });

  test('a cookie with an empty name (browsers keep `=value`) is named as such', () => {
    const copy = structuredClone(report);
    const finding = copy.findings.find((f) => f.evidence.some((e) => e.type === 'cookie'));
    const item = finding?.evidence.find((e) => e.type === 'cookie');
    if (item?.type !== 'cookie') throw new Error('fixture has no cookie evidence');
    item.name = '';
    expect(formatText(copy, { color: false, failOn: 'high' })).toContain(`    - cookie (no name) on ${item.domain}`);
  });

  test('explanations wrap at the width', () => {
    for (const line of plain.split('\n')) {
      if (line.startsWith('    ') && !line.startsWith('    -')) expect(line.length).toBeLessThanOrEqual(100);
    }
  });

  test.each([
    ['high', 'FAIL: 3 finding(s) at or above high'],
    ['low', 'FAIL: 8 finding(s) at or above low'],
  ] as const)('verdict for --fail-on %s', (failOn, verdict) => {
    expect(formatText(report, { color: false, failOn })).toContain(verdict);
  });

  test('passes when nothing reaches the threshold, says nothing for none', () => {
    const quiet = { ...report, findings: report.findings.filter((f) => f.severity === 'info') };
    expect(formatText(quiet, { color: false, failOn: 'medium' })).toContain('PASS: no finding at or above medium');
    expect(formatText(report, { color: false, failOn: 'none' })).not.toMatch(/PASS|FAIL/);
  });

  test('ANSI colours only when asked', () => {
    expect(plain).not.toContain('\x1b');
    const coloured = formatText(report, { color: true, failOn: 'high' });
    expect(coloured).toContain('\x1b[31m');
    expect(coloured).toContain('\x1b[0m');
  });

  test('page strings cannot drive the terminal', () => {
    for (const color of [false, true]) {
      const out = formatText(hostile, { color, failOn: 'high' });
      // every ESC left is one of ours: a colour code `ESC[<digits>m`
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the test
      expect(out.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
      expect(out).toContain('\\x1b[2J');
      expect(out).toContain('\\x1b]0;pwned\\x07');
      expect(out).toContain('1YNN\\u202e<evil>');
    }
  });

  test('single-line fields fold newlines from the page', () => {
    const out = formatText(hostile, { color: false, failOn: 'high' });
    expect(out).toContain('on .evil.example" <b>');
  });
});

describe('wrapText', () => {
  test.each([
    ['short', 20, ['  short']],
    ['one two three four five', 12, ['  one two', '  three four', '  five']],
    ['para one\n\npara two', 40, ['  para one', '', '  para two']],
    ['averyveryverylongword fits', 10, ['  averyveryverylongword', '  fits']],
  ])('%j at %i', (text, width, lines) => {
    expect(wrapText(text, width, '  ')).toEqual(lines);
  });
});
