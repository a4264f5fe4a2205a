// Didomi: metadata-formats.md §6.4.
// Choice: `didomi_token` (cookie, or localStorage) = base64 JSON
//   {user_id, created, updated, purposes:{enabled:[…],disabled:[…]}, vendors:{…}, purposes_li:{…}, version:2, ac}
// A token without purpose or vendor lists is written before any choice. IAB purposes live in `euconsent-v2` (read by
// the TCF reader); custom purposes carry a random suffix (`analytics-HpBJrrK7`). Live: globals.didomi.status
// (Didomi.getCurrentUserStatus(): purposes {<id>: {id, enabled}}), legacy globals.didomi.legacyStatus (getUserStatus()).
import { toPurpose } from '../../purposes.ts';
import type { Purpose } from '../../types.ts';
import { type CmpInput, type CmpReading, makeReading, noChoice } from './reading.ts';
import {
  decode,
  entries,
  findCookie,
  get,
  isRecord,
  list,
  matchScript,
  parseJson,
  PurposeFold,
  storageItem,
  str,
  withNecessary,
} from './util.ts';

const CMP = 'didomi';
const HOSTS = ['privacy-center.org', 'didomi.io'];

export function readDidomi(input: CmpInput): CmpReading | null {
  const g = get(input.globals, CMP);
  const cookie = findCookie(input.cookies, 'didomi_token');
  const stored = storageItem(input.storage, 'didomi_token');
  const detectedBy: string[] = [];
  if (cookie) detectedBy.push('cookie:didomi_token');
  if (stored !== undefined) detectedBy.push('storage:didomi_token');
  if (isRecord(g)) detectedBy.push(`global:${CMP}`);
  const script = matchScript(input.scripts, HOSTS);
  if (script) detectedBy.push(`script:${script}`);
  if (detectedBy.length === 0) return null;

  const raw = cookie?.value ?? stored;
  if (raw !== undefined) {
    const token = decodeToken(raw);
    if (!token.ok) return makeReading(CMP, { detectedBy, choice: null, error: `didomi_token: ${token.error}` });
    const fold = new PurposeFold();
    let lists = 0;
    for (const [state, granted] of [['enabled', true], ['disabled', false]] as const) {
      const ids = list(get(get(token.value, 'purposes'), state), 500);
      lists += ids.length + list(get(get(token.value, 'vendors'), state), 1).length;
      for (const id of ids) if (typeof id === 'string') fold.add(purposeOf(id), granted);
    }
    const detail = { version: get(token.value, 'version') ?? null, updated: str(get(token.value, 'updated'), 40) ?? null };
    const purposes = withNecessary(fold.purposes);
    return makeReading(CMP, { detectedBy, detail, choice: lists > 0 ? { choiceMade: true, purposes } : noChoice(purposes) });
  }

  // Live API only: defaults until the visitor answers.
  const fold = new PurposeFold();
  for (const [id, p] of entries(get(get(g, 'status'), 'purposes'), 300)) {
    const enabled = get(p, 'enabled');
    if (typeof enabled === 'boolean') fold.add(purposeOf(id), enabled);
  }
  const legacy = get(get(get(g, 'legacyStatus'), 'purposes'), 'consent');
  for (const [state, granted] of [['enabled', true], ['disabled', false]] as const) {
    for (const id of list(get(legacy, state), 300)) if (typeof id === 'string') fold.add(purposeOf(id), granted);
  }
  return makeReading(CMP, { detectedBy, choice: noChoice(fold.purposes) });
}

/** IAB-named and well-known purposes through the table; custom ones (`analytics-HpBJrrK7`) by their readable head. */
export function purposeOf(id: string): Purpose {
  const direct = toPurpose(CMP, id);
  if (direct !== 'unknown') return direct;
  const head = /^(.+?)-[A-Za-z0-9]{8}$/.exec(id)?.[1];
  return head ? toPurpose(CMP, head) : 'unknown';
}

type Token = { ok: true; value: unknown } | { ok: false; error: string };

function decodeToken(raw: string): Token {
  const text = decode(raw.trim().slice(0, 32_768));
  if (text === null) return { ok: false, error: 'not valid URL-encoding' };
  // Very old SDKs stored plain JSON.
  const json = text.startsWith('{') ? text : base64(text);
  if (json === null) return { ok: false, error: 'not valid base64' };
  const parsed = parseJson(json);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (!isRecord(parsed.value)) return { ok: false, error: 'not a JSON object' };
  return parsed;
}

function base64(text: string): string | null {
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
