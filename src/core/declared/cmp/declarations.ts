// Declared cookies as CMPs write them: exact names, wildcard names (`_ga_#`, `_pk_*`), regex sources (Klaro,
// vanilla-cookieconsent), and retention text. Collected per CMP with notes on what had to be skipped.
import type { DeclaredCookie, Purpose } from '../../types.ts';
import { isSessionRetention, parseRetention } from './retention.ts';
import { str } from './util.ts';

/** The most declared cookies one CMP may contribute. */
export const MAX_DECLARED = 2000;
const MAX_NAME = 256;

export type NameMatch = { name: string; prefix: boolean } | { skip: string };

// A literal regex head followed by a "match the rest" tail: ^_ga, ^_ga_.*, ^_pk_id\..*$, ^_hjSession_\d+$, ^_ga(_.*)?
// (an optional group only widens the head slightly, which is what a prefix declaration means anyway).
const SIMPLE_TAIL = /^(?:\.\*|\.\+|\\d[*+]|\\w[*+]|\[[^\]]{1,20}\][*+]|\([^()|]{0,40}\)[?*])?\$?$/;

/** A regex source as a cookie name: exact where it is anchored literally, a prefix where it is a simple prefix, else skipped. */
export function nameFromPattern(source: string): NameMatch {
  const src = source.slice(0, MAX_NAME);
  const anchored = src.startsWith('^');
  let i = anchored ? 1 : 0;
  let literal = '';
  while (i < src.length) {
    const ch = src[i] ?? '';
    if (ch === '\\') {
      const next = src[i + 1] ?? '';
      if (/[.\-_$^*+?()[\]{}|/\\]/.test(next)) {
        literal += next;
        i += 2;
        continue;
      }
      break;
    }
    if (/[.*+?()[\]{}|^$]/.test(ch)) break;
    literal += ch;
    i += 1;
  }
  const tail = src.slice(i);
  if (literal === '') return { skip: `regex /${src}/ has no literal name prefix` };
  if (tail === '$') return { name: literal, prefix: false };
  if (tail === '') return { name: literal, prefix: anchored };
  if (SIMPLE_TAIL.test(tail)) return { name: literal, prefix: true };
  return { skip: `regex /${src}/ is not a simple prefix` };
}

/** A declared name as written: `_ga_#` (Cookiebot) and `_pk_*` (wildcards) become prefixes. */
export function nameFromText(text: string): NameMatch {
  const name = text.trim().slice(0, MAX_NAME);
  if (name === '') return { skip: 'empty cookie name' };
  const wild = name.search(/[#*]/);
  if (wild === 0) return { skip: `name "${name}" starts with a wildcard` };
  if (wild > 0) return { name: name.slice(0, wild), prefix: true };
  return { name, prefix: false };
}

export interface CookieSpec {
  name: NameMatch;
  purpose: Purpose;
  /** retention as declared: text, days as a number, or null; `session` forces a session cookie */
  retention?: unknown;
  session?: boolean;
  domain?: unknown;
}

/** A declaration that says how long the cookie lives (a duration, or session). */
function hasRetention(cookie: DeclaredCookie): boolean {
  return cookie.retentionSeconds !== null || cookie.session === true;
}

function sameRetention(a: DeclaredCookie, b: DeclaredCookie): boolean {
  return a.retentionSeconds === b.retentionSeconds && (a.session === true) === (b.session === true);
}

/** Collects declared cookies for one CMP, with the notes on what had to be skipped. */
export class Declarations {
  readonly cookies: DeclaredCookie[] = [];
  readonly skipped: string[] = [];
  private readonly index = new Map<string, DeclaredCookie[]>();
  constructor(private readonly source: string) {}

  add(spec: CookieSpec): void {
    if ('skip' in spec.name) {
      if (this.skipped.length < 50) this.skipped.push(spec.name.skip);
      return;
    }
    const session = spec.session === true || isSessionRetention(spec.retention);
    const cookie: DeclaredCookie = {
      name: spec.name.name,
      purpose: spec.purpose,
      retentionSeconds: session ? null : parseRetention(spec.retention),
      source: this.source,
    };
    const domain = str(spec.domain, 255)?.trim();
    if (domain) cookie.domain = domain;
    if (spec.name.prefix) cookie.prefix = true;
    if (session) cookie.session = true;
    // The same cookie listed twice for the same purpose (a cleanup list and a cookie table) is one declaration;
    // the second listing fills in what the first left open (domain, retention). A pattern and an exact listing of the
    // same name (vanilla-cookieconsent's autoClear `/^_ga/` and its table row `_ga`, 1 year) are one declaration too,
    // kept as the pattern, unless they declare different retentions.
    const key = `${cookie.purpose}|${cookie.name}`;
    const same = this.index.get(key) ?? [];
    const seen = same.find(
      (c) =>
        (c.domain === cookie.domain || c.domain === undefined || cookie.domain === undefined) &&
        (c.prefix === cookie.prefix || (!hasRetention(c) || !hasRetention(cookie) || sameRetention(c, cookie))),
    );
    if (seen) {
      if (seen.domain === undefined && cookie.domain !== undefined) seen.domain = cookie.domain;
      if (!hasRetention(seen)) {
        seen.retentionSeconds = cookie.retentionSeconds;
        if (cookie.session) seen.session = true;
      }
      if (cookie.prefix && !seen.prefix) seen.prefix = true;
      return;
    }
    if (this.cookies.length >= MAX_DECLARED) return;
    this.index.set(key, [...same, cookie]);
    this.cookies.push(cookie);
  }
}
