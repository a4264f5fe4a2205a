// The popup header's one-line verdict: the worst thing found, in calm words, as a message key plus counts.
import type { Report, Severity } from '../types.ts';
import { SEVERITIES } from '../types.ts';

export type VerdictTone = 'bad' | 'warn' | 'note' | 'ok';

export interface Verdict {
  tone: VerdictTone;
  /** message key of the verdict line */
  key: 'verdict_high' | 'verdict_medium' | 'verdict_low' | 'verdict_trackers' | 'verdict_clean' | 'verdict_nothing';
  /** substitution for the key ($1): the count that decided the verdict */
  count: number;
  findings: Record<Severity, number>;
  trackers: number;
  thirdParties: number;
  requests: number;
  cookies: number;
  /** observations dropped at the per-visit caps, summed over visits (0 when nothing was dropped) */
  truncated: { requests: number; cookies: number };
  /** Candor began observing with the page already open: what it did before is missing (Visit.resumed) */
  resumed: boolean;
}

function countFindings(report: Report): Record<Severity, number> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  for (const finding of report.findings) counts[finding.severity] += 1;
  return counts;
}

/**
 * Counts come from the findings themselves (the summary can lag a live report by a request or two);
 * trackers, third parties, requests and cookies from the report summary.
 */
export function verdict(report: Report): Verdict {
  const findings = countFindings(report);
  const { trackers, thirdParties, requests, cookies } = report.summary;
  const truncated = { requests: 0, cookies: 0 };
  for (const visit of report.visits) {
    truncated.requests += visit.observed.truncated?.requests ?? 0;
    truncated.cookies += visit.observed.truncated?.cookies ?? 0;
  }
  const resumed = report.visits.some((visit) => visit.resumed === true);
  const base = { findings, trackers, thirdParties, requests, cookies, truncated, resumed };
  if (findings.high > 0) return { ...base, tone: 'bad', key: 'verdict_high', count: findings.high };
  if (findings.medium > 0) return { ...base, tone: 'warn', key: 'verdict_medium', count: findings.medium };
  if (findings.low > 0) return { ...base, tone: 'note', key: 'verdict_low', count: findings.low };
  if (trackers > 0) return { ...base, tone: 'note', key: 'verdict_trackers', count: trackers };
  if (requests === 0 && cookies === 0) return { ...base, tone: 'ok', key: 'verdict_nothing', count: 0 };
  return { ...base, tone: 'ok', key: 'verdict_clean', count: 0 };
}

/** Severities in display order, with their counts, leaving out zeros. */
export function severityCounts(counts: Record<Severity, number>): { severity: Severity; count: number }[] {
  return SEVERITIES.map((severity) => ({ severity, count: counts[severity] })).filter((c) => c.count > 0);
}
