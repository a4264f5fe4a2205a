// The tracker database behind a small interface, so another list can replace @ghostery/trackerdb.
import { toPurpose } from './purposes.ts';
import { buildTrackerIndex, type TrackerIndex } from './tracker-index.ts';
import type { TrackerInfo } from './types.ts';

export interface TrackerQuery {
  url: string;
  /** the top-level page URL */
  sourceUrl: string;
  /** webRequest resource type */
  type: string;
}

export interface TrackerDatabase {
  /** e.g. `@ghostery/trackerdb 1.0.945` */
  readonly version: string;
  /** the most specific match for a request, or null */
  matchRequest(query: TrackerQuery): TrackerInfo | null;
  /** a match by host name alone (for cookies and CNAMEs) */
  matchHost(host: string): TrackerInfo | null;
}

/** The shape of one trackerdb lookup result that Candor uses. */
export interface TrackerDbMatch {
  pattern: { key: string; name: string; category: string; organization: string | null };
  category?: { key: string } | null;
  organization?: { name: string } | null;
}

export interface TrackerDbEngine {
  matchUrl(request: { url: string; sourceUrl: string; type: string }): TrackerDbMatch[];
  matchDomain(domain: string): TrackerDbMatch[];
  /** the adblocker FiltersEngine behind them (what `loadTrackerDB` returns has it): enables the fast path */
  engine?: unknown;
}

export function toTrackerInfo(match: TrackerDbMatch | undefined): TrackerInfo | null {
  if (!match) return null;
  const category = match.category?.key ?? match.pattern.category;
  return {
    key: match.pattern.key,
    name: match.pattern.name,
    category,
    organization: match.organization?.name ?? match.pattern.organization,
    purpose: toPurpose('tracker-category', category),
  };
}

/** Adapts a loaded `@ghostery/trackerdb` engine (or anything with its two methods) to TrackerDatabase. */
export function trackerDatabase(engine: TrackerDbEngine, version: string): TrackerDatabase {
  const hostCache = new Map<string, TrackerInfo | null>();
  // Built on the first request (≈10 ms), so that loading the database stays as cheap as before.
  let index: TrackerIndex | null | undefined;
  const slow = (query: TrackerQuery): TrackerInfo | null => {
    try {
      return toTrackerInfo(engine.matchUrl(query)[0]);
    } catch {
      return null; // a URL the engine cannot parse is simply not a known tracker
    }
  };
  return {
    version,
    matchRequest(query) {
      if (index === undefined) {
        try {
          index = buildTrackerIndex(
            engine,
            (host) => engine.matchDomain(host),
            (match) => toTrackerInfo(match as TrackerDbMatch | undefined),
          );
        } catch {
          index = null;
        }
      }
      if (index === null) return slow(query);
      const fast = index.lookup(query.url, query.sourceUrl, query.type);
      return fast === undefined ? slow(query) : fast.info;
    },
    matchHost(host) {
      if (host === '') return null; // matchDomain('') throws
      const cached = hostCache.get(host);
      if (cached !== undefined) return cached;
      let info: TrackerInfo | null = null;
      try {
        info = toTrackerInfo(engine.matchDomain(host)[0]);
      } catch {
        info = null;
      }
      if (hostCache.size > 5000) hostCache.clear();
      hostCache.set(host, info);
      return info;
    },
  };
}
