// Options-page helpers: edit a purpose map, read a site from what the visitor typed, order the history.
import type { HistoryEntry } from '../../shared/messages.ts';
import { siteOf } from '../party.ts';
import type { ConsentPurpose, PurposeMap } from '../types.ts';

/** true allowed, false refused, null not set (the purpose is then not covered by the preference). */
export function setPurpose(map: PurposeMap, purpose: ConsentPurpose, value: boolean | null): PurposeMap {
  const next: PurposeMap = { ...map };
  if (value === null) delete next[purpose];
  else next[purpose] = value;
  return next;
}

/**
 * What the visitor typed (`https://www.Shop.example/basket`, `shop.example`) → its registrable domain, the key
 * the background looks overrides up by (src/background/report.ts `preferenceFor`), or null when it is no host.
 */
export function normalizeSiteInput(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '') return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) && host !== 'localhost') return null;
  return siteOf(host) || null;
}

export interface HistoryRow {
  site: string;
  url: string;
  at: string;
  requests: number;
  thirdParties: number;
  trackers: number;
  cookies: number;
  findings: number;
  /** findings of severity high */
  serious: number;
}

/** Newest first; finding counts summed. */
export function historyRows(entries: readonly HistoryEntry[]): HistoryRow[] {
  return entries
    .map((e) => ({
      site: e.site,
      url: e.url,
      at: e.at,
      requests: e.requests,
      thirdParties: e.thirdParties,
      trackers: e.trackers.length,
      cookies: e.cookies,
      findings: Object.values(e.findings).reduce((sum, n) => sum + n, 0),
      serious: e.findings.high ?? 0,
    }))
    .sort((a, b) => b.at.localeCompare(a.at) || a.site.localeCompare(b.site));
}

/** Retention in days, clamped to what the store can honour. */
export function clampRetentionDays(value: number): number {
  if (!Number.isFinite(value)) return 14;
  return Math.min(365, Math.max(1, Math.round(value)));
}
