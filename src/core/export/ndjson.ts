// Crawl tables modelled on OpenWPM's schema (openwpm/DataAggregator/parquet_schema.py, schema.sql): OpenWPM's
// column names where one exists, Candor's own (snake_case) otherwise. Every row carries its provenance.
import type { ObservedCookie, ObservedRequest, Phase, Report, Visit } from '../types.ts';
import { SEVERITIES } from '../types.ts';
import { describeEvidence } from './describe.ts';
import { csvRow } from './escape.ts';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface Provenance {
  candorVersion: string;
  /** browser name and version, e.g. `Chromium 156.0.8078.108` */
  browser: string;
  /** tracker database name and version */
  trackerDb: string;
  crawlId?: string;
  /** OpenWPM visit_id: one per site (report) in a crawl */
  visitId: number;
  /** OpenWPM browser_id; default 0 */
  browserId?: number;
  /** OpenWPM site_rank, where the crawl list is ranked */
  siteRank?: number;
}

export interface Tables {
  site_visits: Row[];
  http_requests: Row[];
  http_responses: Row[];
  javascript_cookies: Row[];
  findings: Row[];
}

export const TABLE_NAMES: readonly (keyof Tables)[] = [
  'site_visits', 'http_requests', 'http_responses', 'javascript_cookies', 'findings',
];

function timestamp(visit: Visit, at: number): string {
  const start = Date.parse(visit.startedAt);
  return Number.isNaN(start) ? visit.startedAt : new Date(start + Math.max(0, at)).toISOString();
}

function headersJson(headers: readonly [string, string][] | undefined): string | null {
  // OpenWPM stores headers as a JSON array of [name, value] pairs
  return headers === undefined ? null : JSON.stringify(headers);
}

function header(headers: readonly [string, string][] | undefined, name: string): string | null {
  return headers?.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;
}

// webextensions cookies.SameSiteStatus, as OpenWPM records it
const SAME_SITE: Record<ObservedCookie['sameSite'], string> = {
  none: 'no_restriction',
  lax: 'lax',
  strict: 'strict',
  unspecified: 'unspecified',
};

export function toTables(report: Report, provenance: Provenance): Tables {
  const base = (phase: Phase): Row => ({
    browser_id: provenance.browserId ?? 0,
    visit_id: provenance.visitId,
    ...(provenance.crawlId === undefined ? {} : { crawl_id: provenance.crawlId }),
    site_url: report.url,
    phase,
    candor_version: provenance.candorVersion,
    browser: provenance.browser,
    tracker_db: provenance.trackerDb,
  });
  const tables: Tables = { site_visits: [], http_requests: [], http_responses: [], javascript_cookies: [], findings: [] };
  for (const visit of report.visits) {
    const row = base(visit.phase);
    tables.site_visits.push({
      ...row,
      site_rank: provenance.siteRank ?? null,
      site: report.site,
      page_url: visit.url,
      started_at: visit.startedAt,
      gpc_sent: visit.gpcSent,
      consent_source: visit.consent.recorded?.source ?? null,
      consent_choice_made: visit.consent.recorded?.choiceMade ?? null,
      interaction: visit.interaction?.action ?? null,
      requests: visit.observed.requests.length,
      cookies: visit.observed.cookies.length,
      truncated: visit.observed.truncated ? JSON.stringify(visit.observed.truncated) : null,
    });
    visit.observed.requests.forEach((r, index) => {
      tables.http_requests.push(requestRow(row, visit, r, index));
      if (r.status !== null || r.error !== undefined) tables.http_responses.push(responseRow(row, visit, r, index));
    });
    for (const c of visit.observed.cookies) tables.javascript_cookies.push(cookieRow(row, visit, c));
  }
  report.findings.forEach((f, index) => {
    tables.findings.push({
      ...base(f.phase),
      finding_id: index,
      kind: f.kind,
      severity: f.severity,
      purpose: f.purpose ?? null,
      title: f.title,
      explanation: f.explanation,
      evidence: JSON.stringify(f.evidence),
      evidence_text: f.evidence.map(describeEvidence).join('\n'),
    });
  });
  return tables;
}

function requestRow(row: Row, visit: Visit, r: ObservedRequest, index: number): Row {
  return {
    ...row,
    request_id: index,
    event_ordinal: index,
    frame_id: r.frameId ?? null,
    url: r.url,
    top_level_url: visit.url,
    method: r.method,
    referrer: header(r.headers?.request, 'referer') ?? '',
    headers: headersJson(r.headers?.request),
    is_XHR: r.type === 'xmlhttprequest',
    is_third_party_to_top_window: r.party === 'third',
    triggering_origin: r.initiator ?? null,
    resource_type: r.type,
    time_stamp: timestamp(visit, r.at),
    at_ms: r.at,
    site: r.site,
    party: r.party,
    tracker: r.tracker?.name ?? null,
    tracker_key: r.tracker?.key ?? null,
    tracker_organization: r.tracker?.organization ?? null,
    tracker_category: r.tracker?.category ?? null,
    purpose: r.tracker?.purpose ?? null,
    sent: r.sent === null ? null : JSON.stringify(r.sent),
    redirected_from: r.redirectedFrom ?? null,
    cname: r.cname ?? null,
    service_worker: r.serviceWorker ?? false,
  };
}

function responseRow(row: Row, visit: Visit, r: ObservedRequest, index: number): Row {
  return {
    ...row,
    request_id: index,
    event_ordinal: index,
    frame_id: r.frameId ?? null,
    url: r.url,
    method: r.method,
    response_status: r.status,
    response_status_text: '',
    is_cached: r.fromCache ?? false,
    headers: headersJson(r.headers?.response),
    location: header(r.headers?.response, 'location') ?? '',
    time_stamp: timestamp(visit, r.at),
    remote_ip: r.remoteIp ?? null,
    size: r.size ?? null,
    error: r.error ?? null,
  };
}

function cookieRow(row: Row, visit: Visit, c: ObservedCookie): Row {
  return {
    ...row,
    record_type: c.removed ? 'deleted' : 'added-or-changed',
    // OpenWPM's causes come from the cookies API; the report keeps only the setter, so `explicit` for sets
    change_cause: c.removed ? 'explicit' : c.setBy.via === 'unknown' ? null : 'explicit',
    expiry: c.expiresAt,
    is_http_only: c.httpOnly,
    is_host_only: !c.domain.startsWith('.'),
    is_session: c.session,
    host: c.domain,
    is_secure: c.secure,
    name: c.name,
    path: c.path,
    value: c.value ?? null,
    same_site: SAME_SITE[c.sameSite],
    first_party_domain: c.partitionKey ?? '',
    time_stamp: timestamp(visit, c.at),
    party: c.party,
    purpose: c.purpose,
    purpose_source: c.purposeSource,
    set_by: c.setBy.via,
    set_by_url: c.setBy.url ?? null,
    lifetime_seconds: c.lifetimeSeconds,
  };
}

/** One JSON object per line, each line ending in `\n` (empty input → empty string). */
export function toNdjson(rows: readonly Row[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

export const SUMMARY_CSV_COLUMNS = [
  'site', 'url', 'status', 'error', 'phases', 'requests', 'third_parties', 'trackers', 'cookies',
  ...SEVERITIES.map((s) => `findings_${s}`), 'kinds', 'browser', 'candor_version', 'tracker_db',
] as const;

/** The crawl summary CSV's header line (no line terminator; join lines with `\r\n`). */
export const SUMMARY_CSV_HEADER: string = csvRow(SUMMARY_CSV_COLUMNS);

/** One summary line for a site that was checked (status `ok`). */
export function summaryCsvRow(report: Report): string {
  const s = report.summary;
  const kinds = [...new Set(report.findings.map((f) => f.kind))].sort().join(' ');
  return csvRow([
    report.site, report.url, 'ok', '', report.visits.map((v) => v.phase).join(' '),
    s.requests, s.thirdParties, s.trackers, s.cookies, ...SEVERITIES.map((sev) => s.findings[sev]),
    kinds, report.tool.browser, report.tool.version, report.tool.trackerDb,
  ]);
}

/** One summary line for a site that could not be checked (status `error`), so the CSV lists every input. */
export function summaryCsvErrorRow(site: string, url: string, error: string): string {
  return csvRow([site, url, 'error', error, ...SUMMARY_CSV_COLUMNS.slice(4).map(() => null)]);
}
