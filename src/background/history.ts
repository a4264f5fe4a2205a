// Per-site visit summaries in IndexedDB (idb), pruned after the retention period. Nothing else is kept.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { VisitState } from '../core/observe/visit-state.ts';
import type { Report } from '../core/types.ts';
import type { HistoryEntry } from '../shared/messages.ts';

interface CandorDB extends DBSchema {
  visits: { key: string; value: HistoryEntry & { key: string }; indexes: { at: string } };
}

let dbPromise: Promise<IDBPDatabase<CandorDB>> | undefined;
function db(): Promise<IDBPDatabase<CandorDB>> {
  dbPromise ??= openDB<CandorDB>('candor', 1, {
    upgrade(database) {
      const store = database.createObjectStore('visits', { keyPath: 'key' });
      store.createIndex('at', 'at');
    },
  });
  return dbPromise;
}

/**
 * A visit resumed with a page already open (Candor just installed, a browser restoring its tabs) in which nothing was
 * observed is no visit worth a history entry.
 */
function emptyResumed(resumed: boolean | undefined, requests: number, cookies: number): boolean {
  return resumed === true && requests === 0 && cookies === 0;
}

export function summaryOfState(state: VisitState): HistoryEntry | null {
  if (emptyResumed(state.resumed, state.requests.length, Object.keys(state.cookies).length)) return null;
  const trackers = new Set<string>();
  const thirdParties = new Set<string>();
  for (const r of state.requests) {
    if (r.tracker) trackers.add(r.tracker.name);
    if (r.party === 'third') thirdParties.add(r.site);
  }
  return {
    site: state.topSite,
    url: state.url,
    at: new Date(state.startedAt).toISOString(),
    requests: state.requests.length,
    thirdParties: thirdParties.size,
    trackers: [...trackers].sort(),
    cookies: Object.keys(state.cookies).length,
    findings: {},
  };
}

export function summaryOfReport(report: Report): HistoryEntry | null {
  const visit = report.visits[0];
  if (!visit || emptyResumed(visit.resumed, report.summary.requests, report.summary.cookies)) return null;
  const trackers = new Set(visit.observed.requests.flatMap((r) => (r.tracker ? [r.tracker.name] : [])));
  return {
    site: report.site,
    url: report.url,
    at: visit.startedAt,
    requests: report.summary.requests,
    thirdParties: report.summary.thirdParties,
    trackers: [...trackers].sort(),
    cookies: report.summary.cookies,
    findings: { ...report.summary.findings },
  };
}

export async function saveHistory(entry: HistoryEntry | null): Promise<void> {
  if (!entry?.site) return;
  const database = await db();
  await database.put('visits', { ...entry, key: `${entry.site}|${entry.at}` });
}

export async function readHistory(): Promise<HistoryEntry[]> {
  const database = await db();
  const all = await database.getAllFromIndex('visits', 'at');
  return all.reverse().map(({ key: _key, ...entry }) => entry);
}

export async function pruneHistory(retentionDays: number, now: number): Promise<number> {
  const database = await db();
  const cutoff = new Date(now - retentionDays * 86_400_000).toISOString();
  let removed = 0;
  let cursor = await database.transaction('visits', 'readwrite').store.index('at').openCursor(IDBKeyRange.upperBound(cutoff, true));
  while (cursor) {
    await cursor.delete();
    removed++;
    cursor = await cursor.continue();
  }
  return removed;
}

export async function clearHistory(): Promise<void> {
  const database = await db();
  await database.clear('visits');
}
