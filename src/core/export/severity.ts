// Severity order and the CLI's exit code (shared/spec/cli.md: `--fail-on`).
import type { Finding, Report, Severity } from '../types.ts';
import { SEVERITIES } from '../types.ts';

/** `--fail-on`: a severity, or `none` to never fail. */
export type FailOn = Severity | 'none';
export const FAIL_ON_VALUES: readonly FailOn[] = [...SEVERITIES, 'none'];

/** 0 = most severe. SEVERITIES is ordered high → info. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** true when `severity` is at or above `threshold` (`none` is above everything, so nothing reaches it). */
export function severityAtLeast(severity: Severity, threshold: FailOn): boolean {
  if (threshold === 'none') return false;
  return severityRank(severity) <= severityRank(threshold);
}

/** Findings ordered high → info, keeping the report's order within one severity. */
export function sortBySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity) || a.index - b.index)
    .map(({ finding }) => finding);
}

/** Exit code per cli.md: 1 when a finding at or above `failOn` exists, else 0 (always 0 for `none`). */
export function exitCodeFor(report: Report | readonly Report[], failOn: FailOn): 0 | 1 {
  const reports: readonly Report[] = Array.isArray(report) ? report : [report as Report];
  const failing = reports.some((r) => r.findings.some((f) => severityAtLeast(f.severity, failOn)));
  return failing ? 1 : 0;
}
