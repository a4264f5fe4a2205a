import { describe, expect, test } from 'vitest';
import type { Finding, ReportSummary } from '../../../src/core/types.ts';
import { severityCounts, verdict } from '../../../src/core/view/verdict.ts';
import { finding, report, visit } from './fixture.ts';

const summary = (s: Partial<ReportSummary>): ReportSummary => ({
  requests: 10,
  thirdParties: 2,
  trackers: 0,
  cookies: 3,
  findings: { high: 0, medium: 0, low: 0, info: 0 },
  ...s,
});

describe('verdict', () => {
  test.each<[string, Finding[], Partial<ReportSummary>, string, string, number]>([
    ['high wins', [finding({ severity: 'medium' }), finding({ severity: 'high' }), finding({ severity: 'high' })], {}, 'verdict_high', 'bad', 2],
    ['medium', [finding({ severity: 'medium' }), finding({ severity: 'low' })], { trackers: 4 }, 'verdict_medium', 'warn', 1],
    ['low', [finding({ severity: 'low' })], {}, 'verdict_low', 'note', 1],
    ['only info, trackers', [finding({ severity: 'info' })], { trackers: 3 }, 'verdict_trackers', 'note', 3],
    ['clean', [finding({ severity: 'info' })], {}, 'verdict_clean', 'ok', 0],
    ['nothing observed', [], { requests: 0, cookies: 0 }, 'verdict_nothing', 'ok', 0],
  ])('%s', (_name, findings, s, key, tone, count) => {
    const v = verdict(report({ findings, summary: summary(s) }));
    expect([v.key, v.tone, v.count]).toEqual([key, tone, count]);
  });

  test('sums what the per-visit caps dropped', () => {
    const v = verdict(
      report({
        visits: [
          visit({ observed: { requests: [], cookies: [], truncated: { requests: 10 } } }),
          visit({ observed: { requests: [], cookies: [], truncated: { requests: 5, cookies: 2 } } }),
          visit(),
        ],
      }),
    );
    expect(v.truncated).toEqual({ requests: 15, cookies: 2 });
  });

  test('says when a visit was resumed with the page already open', () => {
    expect(verdict(report({ visits: [visit()] })).resumed).toBe(false);
    expect(verdict(report({ visits: [visit(), visit({ resumed: true })] })).resumed).toBe(true);
  });

  test('counts findings by severity from the findings, not a stale summary', () => {
    const v = verdict(report({ findings: [finding({ severity: 'high' }), finding({ severity: 'info' })], summary: summary({}) }));
    expect(v.findings).toEqual({ high: 1, medium: 0, low: 0, info: 1 });
    expect(severityCounts(v.findings)).toEqual([
      { severity: 'high', count: 1 },
      { severity: 'info', count: 1 },
    ]);
  });
});
