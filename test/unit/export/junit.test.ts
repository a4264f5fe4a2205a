import { describe, expect, test } from 'vitest';
import { formatJunit } from '../../../src/core/export/junit.ts';
import type { FailOn } from '../../../src/core/export/severity.ts';
import { findAll, loadReport, parseXml } from './helpers.ts';

const report = loadReport('report');
const hostile = loadReport('hostile-report');

describe('parseXml (the checker itself)', () => {
  test.each([
    ['<a><b></a></b>'],
    ['<a x="1"><b/>'],
    ['<a>fish & chips</a>'],
    ['<a x="<">'],
    ['<a>\x1b</a>'],
    ['<a/><b/>'],
    ['<a x="1" x="2"/>'],
  ])('rejects %j', (xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});

describe('formatJunit', () => {
  test.each<[FailOn, number, number[]]>([
    // per testcase (before-consent, after-reject, after-accept): failures at or above the threshold
    ['high', 2, [2, 1, 0]],
    ['medium', 3, [3, 1, 3]],
    ['low', 3, [4, 1, 3]],
    ['info', 3, [4, 1, 4]],
    ['none', 0, [0, 0, 0]],
  ])('--fail-on %s: %i failing cases, failures per phase %j', (failOn, failingCases, perCase) => {
    const root = parseXml(formatJunit(report, { failOn }));
    expect(root.name).toBe('testsuites');
    const [suite, ...others] = findAll(root, 'testsuite');
    expect(others).toHaveLength(0);
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual([
      'before-consent: https://www.shop.example/basket',
      'after-reject: https://www.shop.example/basket',
      'after-accept: https://www.shop.example/basket',
    ]);
    expect(cases.map((c) => findAll(c, 'failure').length)).toEqual(perCase);
    expect(suite?.attrs.tests).toBe('3');
    expect(suite?.attrs.failures).toBe(String(failingCases));
    expect(root.attrs.failures).toBe(String(failingCases));
  });

  test('a failure carries the kind, severity, title and evidence', () => {
    const root = parseXml(formatJunit(report, { failOn: 'high' }));
    const failure = findAll(root, 'failure').find((f) => f.attrs.type === 'consent-ignored');
    expect(failure?.attrs.message).toBe('[high] Advertising cookie set after you refused');
    expect(failure?.text).toContain('- cookie _fbp on .shop.example (after-reject)');
  });

  test('findings below the threshold are listed in system-out', () => {
    const root = parseXml(formatJunit(report, { failOn: 'high' }));
    const out = findAll(root, 'system-out').map((e) => e.text).join('\n');
    expect(out).toContain('[medium] retention-exceeds-declared');
    expect(out).not.toContain('[high]');
  });

  test('a finding in a phase without a visit still gets a testcase', () => {
    const first = report.findings[0];
    if (first === undefined) throw new Error('fixture has no finding');
    const orphan = { ...report, findings: [{ ...first, phase: 'after-revoke' as const }] };
    const cases = findAll(parseXml(formatJunit(orphan, { failOn: 'high' })), 'testcase');
    expect(cases.map((c) => [c.attrs.name?.split(':')[0], findAll(c, 'failure').length])).toContainEqual(['after-revoke', 1]);
  });

  test('hostile strings stay well-formed data and read back as text', () => {
    const xml = formatJunit(hostile, { failOn: 'info' });
    const root = parseXml(xml);
    expect(findAll(root, 'script')).toHaveLength(0);
    expect(findAll(root, 'img')).toHaveLength(0);
    expect(findAll(root, 'b')).toHaveLength(0);
    const failures = findAll(root, 'failure');
    expect(failures).toHaveLength(3);
    const cookie = failures.find((f) => f.attrs.type === 'undeclared-cookie');
    expect(cookie?.attrs.message).toBe('[medium] Cookie <script>alert("x")</script>\\x1b[2J=HYPERLINK("http://evil.example","click") is not declared');
    expect(cookie?.text).toContain('Second paragraph with ]]> and <!-- comment -->.');
    expect(findAll(root, 'property').find((p) => p.attrs.name === 'url')?.attrs.value).toBe('https://evil.example/<i>?x="y"');
  });

  test('several reports make several suites', () => {
    const root = parseXml(formatJunit([report, hostile], { failOn: 'high' }));
    expect(findAll(root, 'testsuite').map((s) => s.attrs.name)).toEqual(['candor shop.example', 'candor evil.example']);
    expect(root.attrs.tests).toBe('4');
    expect(root.attrs.failures).toBe('3');
  });
});
