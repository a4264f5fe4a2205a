// Assembling `candor.report/1` (../shared/spec/report.md): the visits as observed, their findings, and a summary.
import { computeFindings } from './findings/index.ts';
import type { FindingsOptions } from './findings/index.ts';
import { SEVERITIES } from './types.ts';
import type { Finding, Report, ReportSummary, Severity, Visit } from './types.ts';

export interface ReportBuildInput {
  tool: Report['tool'];
  site: string;
  url: string;
  visits: Visit[];
}

export function buildReport(input: ReportBuildInput, options: FindingsOptions = {}): Report {
  const visits = Array.isArray(input.visits) ? input.visits : [];
  const findings = computeFindings({ site: input.site, url: input.url, visits }, options);
  return {
    schema: 'candor.report/1',
    tool: input.tool,
    site: input.site,
    url: input.url,
    visits,
    findings,
    summary: summarize(visits, findings),
  };
}

function listOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/**
 * Summary counts, across all visits of the report:
 * - `requests`: every observed request of every visit (a phased check loads the page once per phase, so this is
 *   the traffic Candor observed, not distinct URLs);
 * - `thirdParties`: distinct registrable domains (`site`) that received at least one third-party request;
 * - `trackers`: distinct trackers (tracker database key) that received at least one request;
 * - `cookies`: distinct cookies by name + domain + path, whichever visit they were seen in;
 * - `findings`: the findings per severity.
 */
export function summarize(visits: readonly Visit[], findings: readonly Finding[]): ReportSummary {
  let requests = 0;
  const thirdParties = new Set<string>();
  const trackers = new Set<string>();
  const cookies = new Set<string>();
  for (const visit of visits) {
    const observed = visit?.observed;
    for (const request of listOf<Visit['observed']['requests'][number]>(observed?.requests)) {
      requests++;
      if (request?.party === 'third' && typeof request.site === 'string' && request.site !== '') {
        thirdParties.add(request.site);
      }
      const tracker = request?.tracker;
      if (tracker) trackers.add(tracker.key || tracker.name);
    }
    for (const cookie of listOf<Visit['observed']['cookies'][number]>(observed?.cookies)) {
      if (cookie) cookies.add(JSON.stringify([cookie.name, cookie.domain, cookie.path]));
    }
  }
  const bySeverity: Record<Severity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  for (const finding of findings) if (finding.severity in bySeverity) bySeverity[finding.severity]++;
  return {
    requests,
    thirdParties: thirdParties.size,
    trackers: trackers.size,
    cookies: cookies.size,
    findings: bySeverity,
  };
}

/** The most severe severity among the findings; null when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  for (const severity of SEVERITIES) if (findings.some((f) => f.severity === severity)) return severity;
  return null;
}
