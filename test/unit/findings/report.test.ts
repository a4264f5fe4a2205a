// Report assembly: the contract's envelope, the summary's counting rules, and the worst severity.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ReportInput } from '../../../src/core/findings/index.ts';
import { buildReport, summarize, worstSeverity } from '../../../src/core/report.ts';
import type { Finding, Severity } from '../../../src/core/types.ts';
import { CDN, FONT, GA_COOKIE, GA_HIT, TRACKERS, cookie, request, visit } from './builders.ts';

const TOOL = { name: 'candor', version: '0.1.0', browser: 'Chromium 156', trackerDb: '@ghostery/trackerdb 1.0.945' } as const;

function finding(severity: Severity): Finding {
  return { kind: 'third-party-cookie', severity, phase: 'browsing', title: '', explanation: '', evidence: [] };
}

describe('summarize', () => {
  test('counts across visits: all requests, distinct third-party sites, trackers and cookies', () => {
    const a = visit({
      phase: 'before-consent',
      requests: [GA_HIT, GA_HIT, FONT, request({ url: 'https://static.shop.example/a.js' })],
      cookies: [GA_COOKIE, { ...GA_COOKIE, at: 5 }, cookie({ name: 'IDE', domain: '.doubleclick.net', party: 'third' })],
    });
    const b = visit({
      phase: 'after-accept',
      requests: [GA_HIT, CDN, request({ url: 'https://ad.doubleclick.net/x', tracker: TRACKERS.doubleclick })],
      cookies: [GA_COOKIE, { ...GA_COOKIE, path: '/shop' }],
    });
    expect(summarize([a, b], [finding('high'), finding('info'), finding('info')])).toEqual({
      requests: 7,
      thirdParties: 4, // google-analytics.com, gstatic.com, cloudflare.com, doubleclick.net
      trackers: 4, // google_analytics, google_fonts, cloudflare, doubleclick
      cookies: 3, // _ga (/), _ga (/shop), IDE
      findings: { high: 1, medium: 0, low: 0, info: 2 },
    });
  });

  test('empty and broken visits count as nothing', () => {
    const broken = { phase: 'browsing' } as unknown as ReturnType<typeof visit>;
    expect(summarize([visit(), broken], [])).toEqual({
      requests: 0,
      thirdParties: 0,
      trackers: 0,
      cookies: 0,
      findings: { high: 0, medium: 0, low: 0, info: 0 },
    });
  });
});

test.each([
  [['info', 'low', 'medium'], 'medium'],
  [['low', 'high'], 'high'],
  [['info'], 'info'],
  [[], null],
] as [Severity[], Severity | null][])('worstSeverity(%j) = %s', (severities, expected) => {
  expect(worstSeverity(severities.map(finding))).toBe(expected);
});

describe('buildReport', () => {
  const input = JSON.parse(
    readFileSync(new URL('../../fixtures/findings/phased-shop.json', import.meta.url), 'utf8'),
  ) as ReportInput;
  const report = buildReport({ tool: TOOL, ...input });

  test('the candor.report/1 envelope', () => {
    expect(report.schema).toBe('candor.report/1');
    expect(report.tool).toEqual(TOOL);
    expect(report.site).toBe('shop.example');
    expect(report.visits).toHaveLength(2);
    expect(Object.keys(report).sort()).toEqual(['findings', 'schema', 'site', 'summary', 'tool', 'url', 'visits']);
  });

  test('the summary counts the findings it carries', () => {
    const total = Object.values(report.summary.findings).reduce((a, b) => a + b, 0);
    expect(total).toBe(report.findings.length);
    expect(report.summary.findings.high).toBeGreaterThan(0);
  });

  test('severity options reach the findings', () => {
    const quiet = buildReport({ tool: TOOL, ...input }, { severity: { 'tracking-before-consent': 'info' } });
    expect(quiet.findings.filter((f) => f.kind === 'tracking-before-consent').every((f) => f.severity === 'info')).toBe(true);
  });

  test('round-trips through JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
