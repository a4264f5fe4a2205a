// CSV tables (RFC 4180, CRLF, header row) of one report's requests, cookies or findings, for spreadsheets.
// Cells are formula-guarded (see csvField). Cookie values are left out: the JSON report is the lossless one.
import type { Report } from '../types.ts';
import { describeEvidence } from './describe.ts';
import type { CsvValue } from './escape.ts';
import { csvDocument } from './escape.ts';

export const CSV_TABLES = ['requests', 'cookies', 'findings'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const REQUEST_COLUMNS = [
  'phase', 'at_ms', 'method', 'type', 'url', 'site', 'party', 'status', 'error',
  'tracker', 'tracker_organization', 'tracker_category', 'purpose',
  'referer_sent', 'cookies_sent', 'gpc_sent', 'identifiers', 'initiator', 'redirected_from', 'size', 'remote_ip', 'cname',
  'service_worker',
] as const;

const COOKIE_COLUMNS = [
  'phase', 'at_ms', 'name', 'domain', 'path', 'party', 'session', 'expires_at', 'lifetime_seconds',
  'secure', 'http_only', 'same_site', 'set_by', 'set_by_url', 'purpose', 'purpose_source', 'purpose_detail',
  'removed', 'partition_key',
] as const;

const FINDING_COLUMNS = ['severity', 'kind', 'phase', 'purpose', 'title', 'explanation', 'evidence'] as const;

function requests(report: Report): CsvValue[][] {
  return report.visits.flatMap((v) =>
    v.observed.requests.map((r) => [
      v.phase, r.at, r.method, r.type, r.url, r.site, r.party, r.status, r.error,
      r.tracker?.name, r.tracker?.organization, r.tracker?.category, r.tracker?.purpose,
      r.sent?.referer, r.sent?.cookies, r.sent?.gpc, r.sent?.identifiers.join(' '),
      r.initiator, r.redirectedFrom, r.size, r.remoteIp, r.cname,
      r.serviceWorker ?? false,
    ]),
  );
}

function cookies(report: Report): CsvValue[][] {
  return report.visits.flatMap((v) =>
    v.observed.cookies.map((c) => [
      v.phase, c.at, c.name, c.domain, c.path, c.party, c.session, c.expiresAt, c.lifetimeSeconds,
      c.secure, c.httpOnly, c.sameSite, c.setBy.via, c.setBy.url, c.purpose, c.purposeSource, c.purposeDetail,
      c.removed ?? false, c.partitionKey,
    ]),
  );
}

function findings(report: Report): CsvValue[][] {
  return report.findings.map((f) => [
    f.severity, f.kind, f.phase, f.purpose, f.title, f.explanation, f.evidence.map(describeEvidence).join('\n'),
  ]);
}

export function formatCsv(report: Report, table: CsvTable): string {
  switch (table) {
    case 'requests':
      return csvDocument(REQUEST_COLUMNS, requests(report));
    case 'cookies':
      return csvDocument(COOKIE_COLUMNS, cookies(report));
    case 'findings':
      return csvDocument(FINDING_COLUMNS, findings(report));
  }
}
