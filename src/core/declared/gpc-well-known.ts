// `/.well-known/gpc.json` (shared/spec/metadata-formats.md §1.3): `{ "gpc": true, "lastUpdate": "2025-04-15" }`.
// Members other than gpc and lastUpdate are ignored (older files carry `"version": 1`). A missing file is no
// source at all; a file that exists but is not a JSON object with a boolean `gpc` is an invalid source. A
// `lastUpdate` that is no RFC 3339 date is an unknown date (`lastUpdate: null`, the text in `lastUpdateInvalid`).
import type { DeclaredSource } from '../types.ts';
import type { WellKnownFetch } from './input.ts';
import { isRecord } from './bounded-json.ts';

export interface GpcWellKnownReading {
  /** null where the site publishes no file */
  source: DeclaredSource | null;
  /** the declared `gpc` boolean; null where there is none */
  gpcSupported: boolean | null;
}

const NONE: GpcWellKnownReading = { source: null, gpcSupported: null };
const MAX_BODY = 65_536;
// RFC 3339 full-date or date-time
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2}))?$/;

export function readGpcWellKnown(fetched: WellKnownFetch | null): GpcWellKnownReading {
  // network errors and missing files say nothing about the site's intentions
  if (fetched === null || !fetched.ok || fetched.status === 404 || fetched.status === 410) return NONE;
  const detail: Record<string, unknown> = { url: fetched.url.slice(0, 2048), status: fetched.status };
  const invalid = (error: string, gpcSupported: boolean | null = null): GpcWellKnownReading => ({
    source: { kind: 'gpc-well-known', valid: false, error, detail },
    gpcSupported,
  });
  if (fetched.status < 200 || fetched.status >= 300) return NONE;
  const body = fetched.body.replace(/^\uFEFF/, '').trim();
  // a soft-404 page; a JSON body served with a wrong media type is still read (the spec asks for a JSON object with
  // a boolean, not for the header)
  if (body.startsWith('<')) return invalid('gpc.json is an HTML page, not JSON');
  if (body.length > MAX_BODY || fetched.truncated) return invalid('gpc.json is too large');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return invalid('gpc.json is not valid JSON');
  }
  if (!isRecord(json)) return invalid('gpc.json must be a JSON object');
  if (typeof json.gpc !== 'boolean') {
    detail.gpc = typeof json.gpc === 'string' ? json.gpc.slice(0, 100) : typeof json.gpc;
    return invalid('gpc must be a boolean');
  }
  detail.gpc = json.gpc;
  if (json.lastUpdate !== undefined) {
    const given = typeof json.lastUpdate === 'string' ? json.lastUpdate.slice(0, 100) : String(json.lastUpdate).slice(0, 100);
    // §1.3: an invalid date is an unknown date; the file stands on its `gpc` member
    if (isRfc3339(json.lastUpdate)) detail.lastUpdate = given;
    else Object.assign(detail, { lastUpdate: null, lastUpdateInvalid: given });
  }
  return { source: { kind: 'gpc-well-known', valid: true, detail }, gpcSupported: json.gpc };
}

function isRfc3339(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 61);
}
