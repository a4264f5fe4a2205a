// One Set-Cookie header line → the cookie a browser would store, after RFC 6265bis §5.6
// (https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html). The header is hostile: the
// parser never throws, bounds every size, and reports (rather than hides) what a browser would reject.
import { parse } from 'tldts';
import { parseCookieDate } from './parse-cookie-date.ts';

export type SameSite = 'lax' | 'strict' | 'none' | 'unspecified';

export interface ParsedSetCookie {
  name: string;
  value: string;
  /** chrome.cookies convention: `.example.com` for a Domain cookie, the bare response host for a host-only one */
  domain: string;
  hostOnly: boolean;
  path: string;
  /** seconds since the epoch; null = session cookie; 0 = already expired (Max-Age ≤ 0) */
  expires: number | null;
  /** the expiry the server asked for, before the 400-day cap browsers apply (RFC 6265bis §5.6.1) */
  requestedExpires: number | null;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
  partitioned: boolean;
  /** the name or value was longer than MAX_NAME_VALUE and was cut */
  truncated: boolean;
  /** why a browser would refuse to store this cookie; null where it would store it */
  rejected: string | null;
}

/** RFC 6265bis: a name+value over 4096 octets is ignored by browsers; Candor keeps (cut) and flags it. */
export const MAX_NAME_VALUE = 4096;
const MAX_ATTRIBUTE_VALUE = 1024;
const MAX_LINE = 65_536;
const MAX_ATTRIBUTES = 256;
const MAX_AGE_CAP_SECONDS = 400 * 24 * 3600;
// CTLs other than HTAB abort parsing (RFC 6265bis §5.6 step 1)
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are the point
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/** Strips spaces and tabs at both ends. A loop, not `/[ \t]+$/`: that regex is quadratic on a long inner run of blanks. */
function trimWs(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (s[start] === ' ' || s[start] === '\t')) start++;
  while (end > start && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return s.slice(start, end);
}

function hostOf(url: string): { host: string; path: string; https: boolean } | null {
  try {
    const u = new URL(url);
    return { host: u.hostname.toLowerCase().replace(/^\[|\]$/g, ''), path: u.pathname, https: u.protocol === 'https:' || u.protocol === 'wss:' };
  } catch {
    return null;
  }
}

/** RFC 6265bis §5.1.4 default-path. */
export function defaultPath(uriPath: string): string {
  if (!uriPath.startsWith('/')) return '/';
  const last = uriPath.lastIndexOf('/');
  return last <= 0 ? '/' : uriPath.slice(0, last);
}

function domainMatches(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !/^[\d.]+$/.test(host));
}

/**
 * Parses one Set-Cookie line as received from `responseUrl` at `now` (milliseconds since the epoch, as
 * `Date.now()` gives). Returns null for an empty line, a line with neither name nor value, or a line
 * containing control characters (browsers ignore those entirely).
 */
export function parseSetCookie(header: string, responseUrl: string, now: number): ParsedSetCookie | null {
  if (typeof header !== 'string' || header === '') return null;
  const line = header.length > MAX_LINE ? header.slice(0, MAX_LINE) : header;
  if (CONTROL.test(line)) return null;
  const semi = line.indexOf(';');
  const pair = semi === -1 ? line : line.slice(0, semi);
  const eq = pair.indexOf('=');
  // No '=': RFC 6265bis gives the whole pair to the value with an empty name (what Chromium and Firefox do).
  let name = eq === -1 ? '' : trimWs(pair.slice(0, eq));
  let value = trimWs(eq === -1 ? pair : pair.slice(eq + 1));
  if (name === '' && value === '') return null;
  let truncated = false;
  if (name.length > MAX_NAME_VALUE) {
    name = name.slice(0, MAX_NAME_VALUE);
    truncated = true;
  }
  if (name.length + value.length > MAX_NAME_VALUE) {
    value = value.slice(0, Math.max(0, MAX_NAME_VALUE - name.length));
    truncated = true;
  }

  const origin = hostOf(responseUrl);
  const nowSeconds = Number.isFinite(now) ? Math.floor(now / 1000) : 0;
  let expiresAttr: number | null = null;
  let maxAge: number | null = null;
  let domainAttr: string | null = null;
  let path: string | null = null;
  let secure = false;
  let httpOnly = false;
  let sameSite: SameSite = 'unspecified';
  let partitioned = false;

  const attributes = semi === -1 ? [] : line.slice(semi + 1).split(';', MAX_ATTRIBUTES);
  for (const raw of attributes) {
    const aeq = raw.indexOf('=');
    const key = trimWs(aeq === -1 ? raw : raw.slice(0, aeq)).toLowerCase();
    const val = aeq === -1 ? '' : trimWs(raw.slice(aeq + 1));
    if (val.length > MAX_ATTRIBUTE_VALUE) continue;
    switch (key) {
      case 'expires': {
        const t = parseCookieDate(val);
        if (t !== null) expiresAttr = Math.floor(t / 1000);
        break;
      }
      case 'max-age':
        if (/^-?\d+$/.test(val)) maxAge = Math.max(-1, Math.min(Number(val.slice(0, 16)), 1e12));
        break;
      case 'domain':
        if (val !== '') domainAttr = val.replace(/^\./, '').toLowerCase();
        break;
      case 'path':
        if (val.startsWith('/')) path = val;
        break;
      case 'secure':
        secure = true;
        break;
      case 'httponly':
        httpOnly = true;
        break;
      case 'samesite': {
        const s = val.toLowerCase();
        sameSite = s === 'lax' || s === 'strict' || s === 'none' ? s : 'unspecified';
        break;
      }
      case 'partitioned':
        partitioned = true;
        break;
      default:
        break; // unknown attributes are ignored
    }
  }

  // Max-Age wins over Expires whatever their order (RFC 6265bis §5.7 step 3).
  let requestedExpires: number | null = null;
  if (maxAge !== null) requestedExpires = maxAge <= 0 ? 0 : nowSeconds + maxAge;
  else if (expiresAttr !== null) requestedExpires = expiresAttr <= nowSeconds ? 0 : expiresAttr;
  const expires =
    requestedExpires === null || requestedExpires === 0
      ? requestedExpires
      : Math.min(requestedExpires, nowSeconds + MAX_AGE_CAP_SECONDS);

  const host = origin?.host ?? '';
  let rejected: string | null = origin === null ? 'unparsable response URL' : null;
  let hostOnly = true;
  let domain = host;
  if (domainAttr !== null && domainAttr !== host) {
    const suffix = parse(domainAttr, { allowPrivateDomains: true }).publicSuffix;
    if (suffix === domainAttr) rejected ??= 'Domain is a public suffix';
    else if (!domainMatches(host, domainAttr)) rejected ??= 'Domain does not match the response host';
    hostOnly = false;
    domain = `.${domainAttr}`;
  } else if (domainAttr !== null) {
    hostOnly = false;
    domain = `.${domainAttr}`;
  }
  const cookiePath = path ?? defaultPath(origin?.path ?? '/');

  if (secure && origin !== null && !origin.https && host !== 'localhost') rejected ??= 'Secure cookie from an insecure origin';
  if (sameSite === 'none' && !secure) rejected ??= 'SameSite=None without Secure';
  if (partitioned && !secure) rejected ??= 'Partitioned without Secure';
  if (/^__secure-/i.test(name) && !secure) rejected ??= '__Secure- prefix without Secure';
  if (/^__host-/i.test(name) && (!secure || !hostOnly || cookiePath !== '/'))
    rejected ??= '__Host- prefix needs Secure, no Domain and Path=/';

  return {
    name,
    value,
    domain,
    hostOnly,
    path: cookiePath,
    expires,
    requestedExpires,
    secure,
    httpOnly,
    sameSite,
    partitioned,
    truncated,
    rejected,
  };
}

/**
 * The names a Set-Cookie header value sets, one per line, as browsers read them: the text before the first `=` of
 * the first `;`-part, trimmed; a line without `=` sets the empty name (its text is the value), as does `=value`.
 * Lines with control characters, which browsers ignore, set nothing. At most 200 names, each cut where browsers cut it (4096).
 */
export function setCookieNames(raw: string): string[] {
  const names: string[] = [];
  for (const line of splitSetCookieHeaders(raw)) {
    if (CONTROL.test(line)) continue;
    const semi = line.indexOf(';');
    const pair = semi === -1 ? line : line.slice(0, semi);
    const eq = pair.indexOf('=');
    if (trimWs(pair) === '' || trimWs(pair) === '=') continue;
    names.push(eq === -1 ? '' : trimWs(pair.slice(0, eq)).slice(0, MAX_NAME_VALUE));
    if (names.length >= 200) break;
  }
  return names;
}

/**
 * Firefox's webRequest (and some proxies) join several Set-Cookie lines into one header value with "\n";
 * Chromium reports them separately. Splits on line breaks only: commas also occur inside Expires dates.
 */
export function splitSetCookieHeaders(raw: string): string[] {
  if (typeof raw !== 'string' || raw === '') return [];
  const text = raw.length > MAX_LINE * 16 ? raw.slice(0, MAX_LINE * 16) : raw;
  const lines: string[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    const trimmed = trimWs(line);
    if (trimmed !== '') lines.push(trimmed);
    if (lines.length >= 1000) break;
  }
  return lines;
}
