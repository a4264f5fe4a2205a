// A fast path in front of @ghostery/trackerdb's matchUrl that gives the same answers.
//
// Every filter of the database (1.0.945: 4,568 network filters, all in the engine's plain `filters` bucket)
// is either anchored to a host name (`||host^$3p`, `||host/path`: 4,400) or a URL pattern that can match on
// any host (`/mbox.js`, `adbutler`, 10 regular expressions: ~165). So for one request:
// - the anchored filters that can match are found through the request's host name alone (an index by the
//   filter host's first label, computed once per host and cached);
// - the URL patterns that can match are found by one pass over the URL looking for a required 3-character
//   piece of each pattern (a 64 KiB bitmap of their hashes, then an exact comparison);
// - the candidates found are tested with the engine's own `NetworkFilter.match`, on a request object with
//   the same fields `Request.fromRawDetails` computes;
// - no matching filter → the answer is the host's domain metadata (matchUrl appends `fromDomain(hostname)`),
//   cached per host and skipped outright when no suffix of the host is a database domain or filter host;
//   filters of one pattern → that pattern; filters of two or more patterns (their order is the engine's
//   token order) or anything unusual (non-http(s) URLs, non-ASCII, $domain/$denyallow filters) → matchUrl.
// Everything here is duck-typed against the engine object `loadTrackerDB` returns; when its shape is not the
// expected one, buildTrackerIndex returns null and callers use matchUrl alone.
import { getDomain } from 'tldts';
import type { TrackerInfo } from './types.ts';

/** The fields of an adblocker `Request` that `NetworkFilter.match` reads for filters without $domain/$denyallow. */
export interface FilterRequest {
  type: string;
  url: string;
  normalizedUrl: string;
  hostname: string;
  isHttp: boolean;
  isHttps: boolean;
  isFirstParty: boolean;
  isThirdParty: boolean;
}

interface NetworkFilterLike {
  isHostnameAnchor(): boolean;
  isRegex(): boolean;
  isFullRegex(): boolean;
  getHostname(): string;
  getFilter(): string;
  match(request: FilterRequest): boolean;
  domains?: unknown;
  denyallow?: unknown;
  isCaseSensitive?: boolean;
  filter?: string;
}

interface PatternLike {
  domains?: readonly string[];
  filters?: readonly string[];
}

interface BucketLike {
  getFilters(): unknown[];
}

/** One filter with what the fast path needs to know about it. */
interface Entry {
  filter: NetworkFilterLike;
  /** $domain, $denyallow or case-sensitive: the fast path cannot test it, matchUrl decides */
  complex: boolean;
  /** the anchored host (`||host`), lower case */
  host: string;
  /** the pattern's match, looked up on first use */
  info: TrackerInfo | null | undefined;
}

interface HostInfo {
  /** anchored filters whose host occurs in this host name at a label start (a superset of those that match) */
  candidates: Entry[];
  /** registrable domain as the adblocker computes it (no private suffixes), '' for IPs */
  domain: string;
  /** `fromDomain(host)`: the first of matchDomain's results, undefined until asked */
  domainInfo: TrackerInfo | null | undefined;
}

export interface TrackerIndex {
  /**
   * The first trackerdb match for a request, exactly as `matchUrl(...)[0]` would give it; `undefined` when the
   * fast path cannot decide (the caller then asks matchUrl).
   */
  lookup(url: string, sourceUrl: string, type: string): { info: TrackerInfo | null } | undefined;
  /** counters for the benchmark: how requests were decided */
  readonly stats: { fast: number; fallback: number };
}

const HOST_CACHE_LIMIT = 8192;
const BITMAP_BITS = 16;

function isFunction(value: unknown): boolean {
  return typeof value === 'function';
}

function isNetworkFilter(value: unknown): value is NetworkFilterLike {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return ['isHostnameAnchor', 'isRegex', 'isFullRegex', 'getHostname', 'getFilter', 'match'].every((k) => isFunction(f[k]));
}

function bucketFilters(engine: Record<string, unknown>, name: string): unknown[] | null {
  const bucket = engine[name];
  if (typeof bucket !== 'object' || bucket === null || !isFunction((bucket as Record<string, unknown>).getFilters)) return null;
  const filters = (bucket as BucketLike).getFilters();
  return Array.isArray(filters) ? filters : null;
}

/**
 * The longest run of characters every match of a regular expression must contain (lower case), or '' when
 * there is none we can be sure of (alternation at the top level, classes only, …).
 */
export function requiredLiteral(source: string): string {
  let best = '';
  let run = '';
  let depth = 0;
  const end = () => {
    if (depth === 0 && run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      const next = source.charAt(i + 1);
      i++;
      if (/[a-z0-9]/i.test(next)) {
        end(); // \d, \w, \b, …
        continue;
      }
      if (depth === 0) run += next;
      continue;
    }
    if (c === '(' || c === '[') {
      end();
      if (c === '[') {
        // skip the class
        let j = i + 1;
        while (j < source.length && source.charAt(j) !== ']') j += source.charAt(j) === '\\' ? 2 : 1;
        i = j;
      } else depth++;
      continue;
    }
    if (c === ')') {
      end();
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (c === '|') {
      if (depth === 0) return '';
      continue;
    }
    if (c === '?' || c === '*' || c === '{') {
      run = run.slice(0, -1); // the previous character is optional
      end();
      if (c === '{') while (i < source.length && source.charAt(i) !== '}') i++;
      continue;
    }
    if (c === '+' || c === '.' || c === '^' || c === '$') {
      end();
      continue;
    }
    if (depth === 0) run += c;
  }
  end();
  return best.toLowerCase();
}

/** A piece of text every URL a non-anchored filter matches must contain (lower case), '' when unknown. */
function literalOf(f: NetworkFilterLike): string {
  if (f.isFullRegex()) {
    const text = f.getFilter();
    return requiredLiteral(text.startsWith('/') && text.endsWith('/') ? text.slice(1, -1) : text);
  }
  const pattern = f.getFilter().toLowerCase();
  if (!f.isRegex()) return pattern;
  let best = '';
  for (const piece of pattern.split(/[*^|]/)) if (piece.length > best.length) best = piece;
  return best;
}

function gramCode(text: string, at: number): number {
  return (text.charCodeAt(at) << 16) | (text.charCodeAt(at + 1) << 8) | text.charCodeAt(at + 2);
}

function gramHash(code: number): number {
  return Math.imul(code, 0x9e3779b1) >>> (32 - BITMAP_BITS);
}

/** Trigrams that nearly every URL contains: never chosen as a pattern's required piece when it has another. */
const COMMON_GRAMS = new Set(
  ['htt', 'ttp', 'tps', 'ps:', 's:/', '://', 'www', 'ww.', '.co', 'com', 'om/', '.js', 'js?', '.ne', 'net', 'et/', 'p:/'].map(
    (g) => gramCode(g, 0),
  ),
);

interface GramEntry {
  entry: Entry;
  literal: string;
  /** where the chosen trigram starts in the literal */
  offset: number;
}

export function buildTrackerIndex(
  loaded: unknown,
  matchDomain: (host: string) => readonly unknown[],
  convert: (match: unknown) => TrackerInfo | null,
): TrackerIndex | null {
  if (typeof loaded !== 'object' || loaded === null) return null;
  const engine = (loaded as Record<string, unknown>).engine;
  if (typeof engine !== 'object' || engine === null) return null;
  const e = engine as Record<string, unknown>;
  // Only the plain `filters` bucket is modelled: any important, exception, CSP or redirect filter → no fast path.
  for (const name of ['importants', 'exceptions', 'csp', 'hideExceptions', 'redirects']) {
    const list = bucketFilters(e, name);
    if (list === null || list.length > 0) return null;
  }
  const all = bucketFilters(e, 'filters');
  if (all === null || all.length === 0) return null;
  const metadata = e.metadata as Record<string, unknown> | undefined;
  if (typeof metadata !== 'object' || metadata === null || !isFunction(metadata.fromFilter) || !isFunction(metadata.getPatterns)) {
    return null;
  }
  const fromFilter = (f: NetworkFilterLike) => (metadata.fromFilter as (f: NetworkFilterLike) => unknown[])(f);

  // Host names for which fromDomain can answer: every pattern's domains and every `||host` filter's host.
  const domainKeys = new Set<string>();
  for (const p of (metadata.getPatterns as () => unknown[])()) {
    const pattern = p as PatternLike;
    for (const d of pattern.domains ?? []) domainKeys.add(d.toLowerCase());
    for (const f of pattern.filters ?? []) {
      const m = /^\|\|([^/^$*|]+)/.exec(f);
      if (m?.[1]) domainKeys.add(m[1].toLowerCase());
    }
  }

  const byFirstLabel = new Map<string, Entry[]>();
  const oddAnchored: Entry[] = [];
  const grams = new Map<number, GramEntry[]>();
  const bitmap = new Uint8Array(1 << BITMAP_BITS);
  const alwaysTest: Entry[] = [];
  const gramCounts = new Map<number, number>();
  const unanchored: { entry: Entry; literal: string }[] = [];

  for (const raw of all) {
    if (!isNetworkFilter(raw)) return null;
    const complex = raw.domains !== undefined || raw.denyallow !== undefined || raw.isCaseSensitive === true;
    const entry: Entry = { filter: raw, complex, host: raw.getHostname().toLowerCase(), info: undefined };
    if (raw.isHostnameAnchor()) {
      const followedByWildcard = raw.filter !== undefined && raw.filter.charCodeAt(0) === 42;
      const dot = entry.host.indexOf('.');
      if (dot <= 0 || followedByWildcard) {
        oddAnchored.push(entry);
      } else {
        const label = entry.host.slice(0, dot);
        const list = byFirstLabel.get(label);
        if (list) list.push(entry);
        else byFirstLabel.set(label, [entry]);
      }
      continue;
    }
    const literal = literalOf(raw);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII check
    if (literal.length < 3 || !/^[\x00-\x7f]*$/.test(literal)) {
      alwaysTest.push(entry);
      continue;
    }
    unanchored.push({ entry, literal });
    for (let i = 0; i + 3 <= literal.length; i++) {
      const code = gramCode(literal, i);
      gramCounts.set(code, (gramCounts.get(code) ?? 0) + 1);
    }
  }
  for (const { entry, literal } of unanchored) {
    let offset = 0;
    let score = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 3 <= literal.length; i++) {
      const code = gramCode(literal, i);
      const s = (gramCounts.get(code) ?? 0) + (COMMON_GRAMS.has(code) ? 1000 : 0);
      if (s < score) {
        score = s;
        offset = i;
      }
    }
    const code = gramCode(literal, offset);
    const list = grams.get(code);
    const item: GramEntry = { entry, literal, offset };
    if (list) list.push(item);
    else grams.set(code, [item]);
    bitmap[gramHash(code)] = 1;
  }

  const hosts = new Map<string, HostInfo>();
  const hostInfo = (host: string): HostInfo => {
    const known = hosts.get(host);
    if (known) return known;
    const candidates: Entry[] = [];
    let start = 0;
    while (start < host.length) {
      let dot = host.indexOf('.', start);
      if (dot < 0) dot = host.length;
      const list = byFirstLabel.get(host.slice(start, dot));
      if (list) for (const entry of list) if (host.startsWith(entry.host, start) && !candidates.includes(entry)) candidates.push(entry);
      start = dot + 1;
    }
    for (const entry of oddAnchored) if (host.includes(entry.host)) candidates.push(entry);
    const info: HostInfo = { candidates, domain: getDomain(host) ?? '', domainInfo: undefined };
    if (hosts.size >= HOST_CACHE_LIMIT) hosts.clear();
    hosts.set(host, info);
    return info;
  };
  const domainInfoOf = (info: HostInfo, host: string): TrackerInfo | null => {
    if (info.domainInfo !== undefined) return info.domainInfo;
    let known = false;
    // fromDomain tries every suffix with at least two labels
    for (let at = 0; at >= 0 && !known; ) {
      const suffix = host.slice(at);
      if (suffix.includes('.') && domainKeys.has(suffix)) known = true;
      const dot = host.indexOf('.', at);
      at = dot < 0 ? -1 : dot + 1;
    }
    info.domainInfo = known ? convert(matchDomain(host)[0]) : null;
    return info.domainInfo;
  };
  const infoOf = (entry: Entry): TrackerInfo | null => {
    if (entry.info === undefined) entry.info = convert(fromFilter(entry.filter)[0]);
    return entry.info;
  };

  let lastSource = '\u0000';
  let sourceHost = '';
  let sourceDomain = '';
  const stats = { fast: 0, fallback: 0 };
  const SIMPLE = /^(https?):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d{1,5})?(?:[/?#]|$)/;
  const unsure = () => {
    stats.fallback++;
    return undefined;
  };

  return {
    stats,
    lookup(url, sourceUrl, type) {
      const m = SIMPLE.exec(url);
      const host = m?.[2];
      if (!m || host === undefined) return unsure();
      if (sourceUrl !== lastSource) {
        if (sourceUrl === '') {
          sourceHost = '';
          sourceDomain = '';
        } else {
          const s = SIMPLE.exec(sourceUrl);
          if (!s?.[2]) return unsure();
          sourceHost = s[2];
          sourceDomain = getDomain(sourceHost) ?? sourceHost;
        }
        lastSource = sourceUrl;
      }
      const info = hostInfo(host);
      // Request.fromRawDetails' isThirdParty
      let third: boolean;
      if (type === 'main_frame' || type === 'mainFrame') third = false;
      else if (info.domain !== '' && sourceDomain !== '') third = info.domain !== sourceDomain;
      else if (info.domain !== '' && sourceHost !== '') third = info.domain !== sourceHost;
      else if (sourceDomain !== '' && host !== '') third = host !== sourceDomain;
      else third = false;

      // URL patterns: one pass over the URL for their required trigrams.
      let found: Entry[] | null = null;
      let code = 0;
      let upper = false;
      for (let i = 0; i < url.length; i++) {
        let c = url.charCodeAt(i);
        if (c > 127) return unsure();
        if (c >= 65 && c <= 90) {
          c += 32;
          upper = true;
        }
        code = ((code << 8) | c) & 0xffffff;
        if (i < 2 || bitmap[gramHash(code)] === 0) continue;
        const list = grams.get(code);
        if (!list) continue;
        for (const g of list) {
          const at = i - 2 - g.offset;
          if (at < 0 || at + g.literal.length > url.length) continue;
          let same = true;
          for (let k = 0; k < g.literal.length && same; k++) {
            let d = url.charCodeAt(at + k);
            if (d >= 65 && d <= 90) d += 32;
            same = d === g.literal.charCodeAt(k);
          }
          if (same) {
            found ??= [];
            if (!found.includes(g.entry)) found.push(g.entry);
          }
        }
      }
      if (info.candidates.length === 0 && found === null && alwaysTest.length === 0) {
        stats.fast++;
        return { info: domainInfoOf(info, host) };
      }
      const https = m[1] === 'https';
      const request: FilterRequest = {
        type,
        url,
        normalizedUrl: upper ? url.toLowerCase() : url,
        hostname: host,
        isHttp: !https,
        isHttps: https,
        isFirstParty: !third,
        isThirdParty: third,
      };
      let first: Entry | null = null;
      for (const list of [info.candidates, found ?? alwaysTest, found === null ? [] : alwaysTest]) {
        for (const entry of list) {
          if (entry.complex) return unsure();
          if (!entry.filter.match(request)) continue;
          if (first === null) first = entry;
          else if (infoOf(first)?.key !== infoOf(entry)?.key) return unsure(); // two patterns: the engine's order decides
        }
      }
      stats.fast++;
      return { info: first === null ? domainInfoOf(info, host) : infoOf(first) };
    },
  };
}
