// The raw material the MAIN-world probe (src/content/collect.ts) gathers in the page, and the guard that turns
// whatever the page posted into a bounded PageSnapshot. The page can post anything: nothing here is trusted.
import { cappedString, DEFAULT_LIMITS, isRecord, toBoundedJson } from './bounded-json.ts';

/** One consent API (`__tcfapi`, `__gpp`, `__uspapi`): `present` = the function or locator frame exists, `answered` within the timeout. */
export interface ApiResult {
  present: boolean;
  answered: boolean;
  data?: unknown;
  error?: string;
}

/** `gtag('consent', 'default' | 'update', {…})` as found in `dataLayer`. */
export interface ConsentModeCommand {
  command: 'default' | 'update';
  params: Record<string, unknown>;
}

/** `google_tag_data.ics.entries[type]`: true = granted. */
export interface IcsEntry {
  default?: boolean;
  update?: boolean;
}

export interface PageLink {
  href: string;
  text: string;
  rel: string;
  inFooter: boolean;
}

export interface PageSnapshot {
  url: string;
  /** navigator.globalPrivacyControl; null where the browser does not expose it */
  gpcInPage: boolean | null;
  tcf: ApiResult;
  gpp: ApiResult;
  usp: ApiResult;
  consentMode: { commands: ConsentModeCommand[]; ics: Record<string, IcsEntry> | null };
  /** collectCmpGlobals() */
  cmp: Record<string, unknown>;
  /** localStorage keys/values relevant to consent */
  storage: Record<string, string>;
  /** script src URLs */
  scripts: string[];
  /** raw text of `<script type="application/ld+json">` blocks */
  jsonLd: string[];
  /** blocks that mention DPV but were not sent: the page's JSON-LD went past the probe's total budget */
  jsonLdSkipped?: number;
  links: { privacyPolicy: string[]; anchors: PageLink[] };
}

export const SNAPSHOT_CAPS = {
  url: 4096,
  storageKeys: 60,
  storageKey: 200,
  storageValue: 32_768,
  scripts: 300,
  jsonLdBlocks: 20,
  /** above the DPV reader's 256 KB limit, so an oversized block is reported rather than silently cut */
  jsonLdBlock: 300_000,
  policyLinks: 10,
  anchors: 300,
  linkText: 200,
  consentCommands: 50,
  icsTypes: 30,
} as const;

export function emptyApiResult(): ApiResult {
  return { present: false, answered: false };
}

/** A bounded, well-formed copy of what the probe posted, or null when it is not a snapshot at all. */
export function sanitizeSnapshot(x: unknown): PageSnapshot | null {
  if (!isRecord(x)) return null;
  const url = cappedString(x.url, SNAPSHOT_CAPS.url);
  if (url === null) return null;
  const links = isRecord(x.links) ? x.links : {};
  return {
    url,
    gpcInPage: typeof x.gpcInPage === 'boolean' ? x.gpcInPage : null,
    tcf: apiResult(x.tcf),
    gpp: apiResult(x.gpp),
    usp: apiResult(x.usp),
    consentMode: consentMode(x.consentMode),
    cmp: record(toBoundedJson(x.cmp)),
    storage: stringRecord(x.storage),
    scripts: strings(x.scripts, SNAPSHOT_CAPS.scripts, SNAPSHOT_CAPS.url),
    jsonLd: strings(x.jsonLd, SNAPSHOT_CAPS.jsonLdBlocks, SNAPSHOT_CAPS.jsonLdBlock),
    ...(typeof x.jsonLdSkipped === 'number' && Number.isInteger(x.jsonLdSkipped) && x.jsonLdSkipped > 0
      ? { jsonLdSkipped: Math.min(x.jsonLdSkipped, SNAPSHOT_CAPS.jsonLdBlocks) }
      : {}),
    links: {
      privacyPolicy: strings(links.privacyPolicy, SNAPSHOT_CAPS.policyLinks, SNAPSHOT_CAPS.url),
      anchors: anchors(links.anchors),
    },
  };
}

/** True when `x` already is a well-formed snapshot within the caps. */
export function isPageSnapshot(x: unknown): x is PageSnapshot {
  const clean = sanitizeSnapshot(x);
  return clean !== null && sameJson(clean, x, 0);
}

/** Deep equality of a clean value with an untrusted one, ignoring key order; bounded by the clean value's depth. */
function sameJson(clean: unknown, other: unknown, depth: number): boolean {
  if (depth > 64) return false;
  if (clean === null || typeof clean !== 'object') return Object.is(clean, other);
  if (Array.isArray(clean)) {
    return (
      Array.isArray(other) && other.length === clean.length && clean.every((v, i) => sameJson(v, other[i], depth + 1))
    );
  }
  if (!isRecord(other) || !isRecord(clean)) return false;
  const keys = Object.keys(clean);
  if (Object.keys(other).length !== keys.length) return false;
  return keys.every((k) => Object.hasOwn(other, k) && sameJson(clean[k], other[k], depth + 1));
}

function apiResult(x: unknown): ApiResult {
  if (!isRecord(x)) return emptyApiResult();
  const out: ApiResult = { present: x.present === true, answered: x.answered === true };
  if (x.data !== undefined) {
    const data = toBoundedJson(x.data);
    if (data !== undefined) out.data = data;
  }
  const error = cappedString(x.error, 500);
  if (error !== null) out.error = error;
  return out;
}

function consentMode(x: unknown): PageSnapshot['consentMode'] {
  const source = isRecord(x) ? x : {};
  const commands: ConsentModeCommand[] = [];
  if (Array.isArray(source.commands)) {
    for (const c of source.commands.slice(0, SNAPSHOT_CAPS.consentCommands)) {
      if (!isRecord(c) || (c.command !== 'default' && c.command !== 'update')) continue;
      const params = toBoundedJson(c.params, { ...DEFAULT_LIMITS, depth: 3, keys: 50, string: 200 });
      if (isRecord(params)) commands.push({ command: c.command, params });
    }
  }
  let ics: Record<string, IcsEntry> | null = null;
  if (isRecord(source.ics)) {
    const entries: [string, IcsEntry][] = [];
    for (const [type, entry] of Object.entries(source.ics).slice(0, SNAPSHOT_CAPS.icsTypes)) {
      if (!isRecord(entry) || type === '__proto__') continue;
      const clean: IcsEntry = {};
      if (typeof entry.default === 'boolean') clean.default = entry.default;
      if (typeof entry.update === 'boolean') clean.update = entry.update;
      entries.push([type.slice(0, 100), clean]);
    }
    ics = Object.fromEntries(entries);
  }
  return { commands, ics };
}

function record(x: unknown): Record<string, unknown> {
  return isRecord(x) ? x : {};
}

function stringRecord(x: unknown): Record<string, string> {
  if (!isRecord(x)) return {};
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(x)) {
    if (entries.length >= SNAPSHOT_CAPS.storageKeys) break;
    if (typeof value !== 'string' || key === '__proto__') continue;
    entries.push([key.slice(0, SNAPSHOT_CAPS.storageKey), value.slice(0, SNAPSHOT_CAPS.storageValue)]);
  }
  return Object.fromEntries(entries);
}

function strings(x: unknown, count: number, length: number): string[] {
  if (!Array.isArray(x)) return [];
  const out: string[] = [];
  for (const item of x) {
    if (out.length >= count) break;
    if (typeof item === 'string') out.push(item.slice(0, length));
  }
  return out;
}

function anchors(x: unknown): PageLink[] {
  if (!Array.isArray(x)) return [];
  const out: PageLink[] = [];
  for (const a of x) {
    if (out.length >= SNAPSHOT_CAPS.anchors) break;
    if (!isRecord(a) || typeof a.href !== 'string') continue;
    out.push({
      href: a.href.slice(0, SNAPSHOT_CAPS.url),
      text: (cappedString(a.text, SNAPSHOT_CAPS.linkText) ?? '').trim(),
      rel: cappedString(a.rel, 100) ?? '',
      inFooter: a.inFooter === true,
    });
  }
  return out;
}
