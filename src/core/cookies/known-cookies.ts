// The known-cookie table: well-known cookie names (exact, prefix, or a pattern for names that embed an id),
// each with a Candor purpose, a vendor and the vendor document it was written from. Written by hand from
// vendors' documentation, not copied from a cookie database (see ../../../../shared/docs/data-sources.md).
//
// Lookup, most specific first: exact names (a Map, case-sensitive first, then case-insensitive), then prefixes
// longest-first (bucketed by first character), then patterns in table order, then a site's catch-all. At each
// step the entries for the cookie's own site (generic names such as `uid` only mean something on the vendor's
// own domain) come before the global ones. A catch-all (`*`, only in a group with `sites`) says what every
// cookie on a vendor's own domain is for (an ad exchange's domain serves ads and nothing else); it is the last
// resort, so a specific entry (a consent record, a CAPTCHA) still wins on that domain.
import { cookieSite } from '../party.ts';
import type { Purpose } from '../types.ts';
import { ADVERTISING_COOKIES, SOCIAL_COOKIES } from './known-cookies-advertising.ts';
import { ANALYTICS_COOKIES } from './known-cookies-analytics.ts';
import { FUNCTIONAL_COOKIES } from './known-cookies-functional.ts';
import { TECHNICAL_COOKIES } from './known-cookies-technical.ts';
import { STORAGE_KEY_GROUPS } from './known-storage-keys.ts';

export interface KnownCookieGroup {
  vendor: string;
  /** trackerdb organization key, to tell whether a tracker that set the cookie is the same vendor */
  org?: string;
  purpose: Purpose;
  /** the vendor documentation the entries were written from */
  source: string;
  /** exact names; `name*` is a prefix; a RegExp for names that embed an id; `*` alone (with `sites`) is any name */
  names: readonly (string | RegExp)[];
  /** only for cookies whose registrable domain is one of these (generic names like `uid`, `i`, `m`) */
  sites?: readonly string[];
}

export interface KnownCookieMatch {
  purpose: Purpose;
  vendor: string;
  org: string | null;
  source: string;
  match: 'exact' | 'prefix' | 'regex' | 'site';
  /** the table entry that matched: the name, `prefix*` or `/pattern/` */
  pattern: string;
}

/** Technical cookies first (security tokens before all): where two groups list the same exact name, the first one wins. */
export const KNOWN_COOKIE_GROUPS: readonly KnownCookieGroup[] = [
  ...TECHNICAL_COOKIES,
  ...ANALYTICS_COOKIES,
  ...ADVERTISING_COOKIES,
  ...SOCIAL_COOKIES,
  ...FUNCTIONAL_COOKIES,
  ...STORAGE_KEY_GROUPS,
];

const MAX_NAME = 256;

interface Index {
  exact: Map<string, KnownCookieMatch>;
  exactLower: Map<string, KnownCookieMatch>;
  /** first lower-case character → [lower-case prefix, match], longest prefix first */
  prefixes: Map<string, [string, KnownCookieMatch][]>;
  patterns: [RegExp, KnownCookieMatch][];
  /** a site's catch-all entry */
  any: KnownCookieMatch | null;
}

function emptyIndex(): Index {
  return { exact: new Map(), exactLower: new Map(), prefixes: new Map(), patterns: [], any: null };
}

function addGroup(index: Index, group: KnownCookieGroup): void {
  for (const name of group.names) {
    const base = { purpose: group.purpose, vendor: group.vendor, org: group.org ?? null, source: group.source };
    if (name === '*') {
      // only meaningful on a vendor's own site (buildIndexes adds groups without `sites` to the global index)
      if (group.sites !== undefined && index.any === null) index.any = { ...base, match: 'site', pattern: '*' };
    } else if (name instanceof RegExp) {
      index.patterns.push([name, { ...base, match: 'regex', pattern: String(name) }]);
    } else if (name.endsWith('*') && name.length > 1) {
      const prefix = name.slice(0, -1).toLowerCase();
      const first = prefix.charAt(0);
      const bucket = index.prefixes.get(first) ?? [];
      if (!bucket.some(([p]) => p === prefix)) bucket.push([prefix, { ...base, match: 'prefix', pattern: name }]);
      index.prefixes.set(first, bucket);
    } else {
      const match: KnownCookieMatch = { ...base, match: 'exact', pattern: name };
      if (!index.exact.has(name)) index.exact.set(name, match);
      if (!index.exactLower.has(name.toLowerCase())) index.exactLower.set(name.toLowerCase(), match);
    }
  }
}

function buildIndexes(): { global: Index; bySite: Map<string, Index> } {
  const global = emptyIndex();
  const bySite = new Map<string, Index>();
  for (const group of KNOWN_COOKIE_GROUPS) {
    if (group.sites === undefined) {
      addGroup(global, group);
      continue;
    }
    for (const site of group.sites) {
      const index = bySite.get(site) ?? emptyIndex();
      addGroup(index, group);
      bySite.set(site, index);
    }
  }
  for (const index of [global, ...bySite.values()]) {
    for (const bucket of index.prefixes.values()) bucket.sort((a, b) => b[0].length - a[0].length);
  }
  return { global, bySite };
}

const INDEXES = buildIndexes();

function exactIn(index: Index, name: string, lower: string): KnownCookieMatch | null {
  return index.exact.get(name) ?? index.exactLower.get(lower) ?? null;
}

function prefixIn(index: Index, lower: string): KnownCookieMatch | null {
  const bucket = index.prefixes.get(lower.charAt(0));
  if (bucket) {
    for (const [prefix, match] of bucket) if (lower.startsWith(prefix)) return match;
  }
  return null;
}

function patternIn(index: Index, name: string): KnownCookieMatch | null {
  for (const [pattern, match] of index.patterns) if (pattern.test(name)) return match;
  return null;
}

/**
 * The table entry for a cookie (or storage key) name, optionally on a cookie domain (`.criteo.com`,
 * `shop.example`); null where the table knows nothing about it.
 */
export function lookupKnownCookie(name: string, domain?: string): KnownCookieMatch | null {
  if (typeof name !== 'string' || name === '') return null;
  const bounded = name.length > MAX_NAME ? name.slice(0, MAX_NAME) : name;
  const lower = bounded.toLowerCase();
  const site = domain ? INDEXES.bySite.get(cookieSite(domain)) : undefined;
  const global = INDEXES.global;
  return (
    (site ? exactIn(site, bounded, lower) : null) ??
    exactIn(global, bounded, lower) ??
    (site ? prefixIn(site, lower) : null) ??
    prefixIn(global, lower) ??
    (site ? patternIn(site, bounded) : null) ??
    patternIn(global, bounded) ??
    site?.any ??
    null
  );
}

/** Number of names, prefixes and patterns in the table (for documentation and the test). */
export function knownCookieCount(): number {
  return KNOWN_COOKIE_GROUPS.reduce((n, group) => n + group.names.length, 0);
}
