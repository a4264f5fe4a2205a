// Small helpers every CMP reader shares. Everything they touch came from the page: values are `unknown` until
// checked, lookups use own properties only, loops are bounded, and nothing here throws.
import { toPurpose, type Vocabulary } from '../../purposes.ts';
import { isRecord } from '../bounded-json.ts';
import type { ConsentPurpose, Purpose, PurposeMap } from '../../types.ts';
import type { PageCookie } from '../input.ts';

/** The most items a reader looks at in any one page-supplied list. */
export const MAX_ITEMS = 1000;

export { isRecord };

/** An own property of a record (never one inherited through a page-made prototype), else undefined. */
export function get(value: unknown, key: string): unknown {
  if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
  try {
    return value[key];
  } catch {
    return undefined;
  }
}

export function str(value: unknown, max = 4096): string | undefined {
  return typeof value === 'string' ? value.slice(0, max) : undefined;
}

/** The first MAX_ITEMS items of an array; [] for anything else. */
export function list(value: unknown, max = MAX_ITEMS): readonly unknown[] {
  return Array.isArray(value) ? value.slice(0, max) : [];
}

/** Own entries of a record, bounded, without `__proto__`. */
export function entries(value: unknown, max = MAX_ITEMS): [string, unknown][] {
  if (!isRecord(value)) return [];
  const out: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    if (out.length >= max) break;
    if (key !== '__proto__') out.push([key, get(value, key)]);
  }
  return out;
}

/** Booleans as CMPs spell them: true/false, 'true'/'false', 1/0, 'yes'/'no', 'allow'/'deny', 'granted'/'denied', 'ACCEPT'/'DENY'. */
export function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'allow', 'allowed', 'granted', 'accept', 'accepted', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'deny', 'denied', 'reject', 'rejected', 'off'].includes(v)) return false;
  return undefined;
}

/** A localStorage value the page exposed, own keys only. */
export function storageItem(storage: Readonly<Record<string, string>>, key: string): string | undefined {
  const value = get(storage, key);
  return typeof value === 'string' ? value : undefined;
}

export function findCookie(cookies: readonly PageCookie[], name: string): PageCookie | undefined {
  return cookies.find((c) => c.name === name);
}

/** decodeURIComponent that reports instead of throwing; '+' stays '+' (callers that want form decoding say so). */
export function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson(text: string, max = 65_536): Parsed {
  if (text.length > max) return { ok: false, error: `longer than ${max} characters` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
}

/** JSON that may be URL-encoded (Klaro, cc_cookie, Complianz write it either way). */
export function parseMaybeEncodedJson(raw: string): Parsed {
  const direct = parseJson(raw);
  if (direct.ok) return direct;
  const decoded = decode(raw);
  if (decoded === null) return { ok: false, error: 'not valid URL-encoding' };
  return parseJson(decoded);
}

/** The first script URL whose host is (a subdomain of) one of `hosts`, or whose path contains one of `paths`. */
export function matchScript(scripts: readonly string[], hosts: readonly string[], paths: readonly string[] = []): string | undefined {
  for (const src of scripts.slice(0, MAX_ITEMS)) {
    let url: URL;
    try {
      url = new URL(src);
    } catch {
      continue;
    }
    const host = url.hostname.toLowerCase();
    if (hosts.some((h) => host === h || host.endsWith(`.${h}`))) return host;
    const path = url.pathname.toLowerCase();
    const hit = paths.find((p) => path.includes(p));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * Folds one vocabulary's term states into Candor purposes, with the same rule as ../combine-purposes.ts:
 * a purpose is granted only when every term mapping onto it is granted. Terms that map to `unknown` are left out.
 */
export class PurposeFold {
  readonly purposes: PurposeMap = {};
  add(purpose: Purpose, granted: boolean): void {
    if (purpose === 'unknown') return;
    const p: ConsentPurpose = purpose;
    this.purposes[p] = (this.purposes[p] ?? true) && granted;
  }
  term(vocabulary: Vocabulary, term: string, granted: boolean): void {
    this.add(toPurpose(vocabulary, term), granted);
  }
}

/** The purposes with necessary always on: the CMPs here never let a visitor refuse their own strictly necessary cookies. */
export function withNecessary(purposes: PurposeMap): PurposeMap {
  return { ...purposes, necessary: true };
}

/** A category label ("Performance Cookies", "Statistik") → purpose via the vendor table, then the generic one. */
export function categoryPurpose(vocabulary: Vocabulary, ...terms: unknown[]): Purpose {
  for (const term of terms) {
    if (typeof term !== 'string' || term.trim() === '') continue;
    const t = term.slice(0, 100);
    const direct = toPurpose(vocabulary, t);
    if (direct !== 'unknown') return direct;
    const trimmed = t.replace(/\s*cookies?\s*$/i, '').trim();
    const generic = toPurpose('generic', trimmed);
    if (generic !== 'unknown') return generic;
  }
  return 'unknown';
}
