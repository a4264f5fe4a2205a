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

const GOOGLE_TAG = 'google_tag';
/** Google tag IDs of analytics properties: `G-` (Google Analytics 4) and `UA-` (Universal Analytics). */
const ANALYTICS_TAG_ID = /^(?:G|UA)-[A-Za-z0-9-]+$/;

/**
 * The tracker database files every Google tag (`googletagmanager.com/gtag/js`, `/gtag/destination`) under
 * advertising, but the tag's ID says what it loads (Google tag documentation: `G-` Google Analytics 4, `AW-` Google
 * Ads, `DC-` Floodlight, `GT-` a combined tag): a tag whose IDs are all analytics properties serves analytics.
 * Anything else keeps the database's purpose.
 */
export function googleTagPurpose(info: TrackerInfo, url: string): TrackerInfo {
  const query = url.indexOf('?');
  if (query < 0 || info.purpose === 'analytics') return info;
  let ids: string[];
  try {
    ids = new URLSearchParams(url.slice(query + 1).split('#')[0]).getAll('id');
  } catch {
    return info;
  }
  return ids.length > 0 && ids.every((id) => ANALYTICS_TAG_ID.test(id)) ? { ...info, purpose: 'analytics' } : info;
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
      let info: TrackerInfo | null;
      if (index === null) info = slow(query);
      else {
        // undefined: the index cannot answer; { info: null }: it knows there is no tracker
        const fast = index.lookup(query.url, query.sourceUrl, query.type);
        info = fast === undefined ? slow(query) : fast.info;
      }
      return info !== null && info.key === GOOGLE_TAG ? googleTagPurpose(info, query.url) : info;
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
