// One site's rows for the crawl tables: the export's OpenWPM-style tables, each row with its provenance and the
// start time of the visit (phase) it belongs to.
import { type Cell, type Row, type Tables, TABLE_NAMES, toTables } from '../export/ndjson.ts';
import type { Report } from '../types.ts';

export interface SiteIdentity {
  crawlId: string;
  visitId: number;
  rank: number;
}

export function siteRows(report: Report, id: SiteIdentity): Tables {
  const tables = toTables(report, {
    candorVersion: report.tool.version,
    browser: report.tool.browser,
    trackerDb: report.tool.trackerDb,
    crawlId: id.crawlId,
    visitId: id.visitId,
    siteRank: id.rank,
  });
  const startedAt = new Map<Cell, string>(report.visits.map((v) => [v.phase, v.startedAt]));
  const stamp = (row: Row): Row => ({
    ...row,
    visit_started_at: startedAt.get(row.phase ?? null) ?? null,
  });
  const out = {} as Tables;
  for (const name of TABLE_NAMES) out[name] = tables[name].map(stamp);
  return out;
}
