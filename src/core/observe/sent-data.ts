// What the browser actually handed a recipient: the seed statement's server-log list made concrete.
import type { SentData } from '../types.ts';
import { looksLikeIdentifier } from '../identifier-value.ts';

export type HeaderList = readonly { name: string; value?: string }[];

/** Query parameter names whose values look like identifiers (capped at 20). */
export function identifierParams(url: string): string[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const out: string[] = [];
  const end = url.indexOf('#', q);
  for (const pair of url.slice(q + 1, end < 0 ? undefined : end).split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    let value = pair.slice(eq + 1);
    try {
      value = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      // keep the raw value
    }
    if (looksLikeIdentifier(value)) out.push(pair.slice(0, eq).slice(0, 64));
    if (out.length >= 20) break;
  }
  return out;
}

export interface RequestBody {
  formData?: Record<string, string[] | undefined>;
  raw?: { bytes?: ArrayBuffer }[];
}

/** Bodies are read this far: analytics batches (Amplitude, Segment) often pass 8 KB, and a JSON text cut short names nothing. */
const MAX_BODY_BYTES = 32_768;
/** Bounds on the walk through a JSON body: nesting depth and values looked at. */
const MAX_JSON_DEPTH = 6;
const MAX_JSON_VALUES = 2000;
const MAX_ARRAY_ITEMS = 20;
const MAX_IDENTIFIER_KEYS = 20;

function identifierKeysOf(entries: Iterable<[string, unknown]>, out: string[]): void {
  for (const [key, value] of entries) {
    if (out.length >= MAX_IDENTIFIER_KEYS) return;
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
    if (text !== null && looksLikeIdentifier(text) && !out.includes(key)) out.push(key.slice(0, 64));
  }
}

/**
 * Identifier fields anywhere in a parsed JSON body, named by their path: `user_id`, `context.device.id`,
 * `events[].device_id` (one name for every element of an array). Collectors nest the ids they send: Amplitude in
 * `events[]`, Segment in `batch[]`, Sentry in `user`.
 */
function jsonIdentifierPaths(root: unknown, out: string[]): void {
  let budget = MAX_JSON_VALUES;
  const walk = (value: unknown, path: string, depth: number): void => {
    if (budget-- <= 0 || out.length >= MAX_IDENTIFIER_KEYS) return;
    if (Array.isArray(value)) {
      if (depth >= MAX_JSON_DEPTH) return;
      // a batch repeats its fields: its first elements name them
      for (const item of value.slice(0, MAX_ARRAY_ITEMS)) walk(item, `${path}[]`, depth + 1);
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_JSON_DEPTH) return;
      for (const [key, item] of Object.entries(value)) walk(item, path === '' ? key : `${path}.${key}`, depth + 1);
    } else if (path !== '' && (typeof value === 'string' || typeof value === 'number')) {
      const name = path.slice(0, 64);
      if (!out.includes(name) && looksLikeIdentifier(String(value))) out.push(name);
    }
  };
  walk(root, '', 0);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Field names of a request body that carry identifiers: form data, URL-encoded text, or JSON (an object, an array, or
 * newline-delimited records such as Sentry's envelopes), first 32 KB.
 */
export function bodyIdentifierKeys(body: RequestBody | undefined): string[] {
  const out: string[] = [];
  if (!body) return out;
  if (body.formData) {
    identifierKeysOf(
      Object.entries(body.formData).map(([k, v]) => [k, Array.isArray(v) ? v[0] : undefined] as [string, unknown]),
      out,
    );
    return out;
  }
  const first = body.raw?.[0]?.bytes;
  if (!first) return out;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(first, 0, Math.min(first.byteLength, MAX_BODY_BYTES)));
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const whole = parseJson(trimmed);
    if (whole.ok) jsonIdentifierPaths(whole.value, out);
    else {
      // newline-delimited JSON; a text cut short at the limit names what its complete lines hold
      for (const line of trimmed.split('\n', 50)) {
        const record = line.trim().startsWith('{') ? parseJson(line) : { ok: false as const };
        if (record.ok) jsonIdentifierPaths(record.value, out);
      }
    }
  } else if (/^[^=&\s]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(trimmed)) {
    identifierKeysOf(new URLSearchParams(trimmed).entries(), out);
  }
  return out;
}

// A page's requests mostly carry the same Referer: remember the last answer (new URL() was the worker's
// costliest step per request after the storage mirror).
let lastReferer = '';
let lastKind: SentData['refererKind'] = 'none';

function refererKind(referer: string | undefined): SentData['refererKind'] {
  if (referer === undefined || referer === '') return 'none';
  if (referer === lastReferer) return lastKind;
  let kind: SentData['refererKind'];
  try {
    const u = new URL(referer);
    kind = u.pathname === '/' && u.search === '' ? 'origin' : 'full';
  } catch {
    kind = 'full';
  }
  lastReferer = referer;
  lastKind = kind;
  return kind;
}

/** Summarises the request headers actually sent with one request. */
export function summarizeSent(headers: HeaderList, url: string): SentData {
  let referer: string | undefined;
  let cookies = false;
  let userAgent = false;
  let language = false;
  let gpc = false;
  const clientHints: string[] = [];
  for (const h of headers) {
    const name = h.name.toLowerCase();
    if (name === 'referer') referer = h.value ?? '';
    else if (name === 'cookie') cookies = (h.value ?? '') !== '';
    else if (name === 'user-agent') userAgent = true;
    else if (name === 'accept-language') language = true;
    else if (name === 'sec-gpc') gpc = h.value === '1';
    else if (name.startsWith('sec-ch-')) clientHints.push(name);
  }
  const kind = refererKind(referer);
  return {
    referer: kind !== 'none',
    refererKind: kind,
    cookies,
    userAgent,
    language,
    clientHints,
    gpc,
    identifiers: identifierParams(url),
  };
}
