// Cookiebot (Usercentrics group): metadata-formats.md §6.2.
// Choice: `CookieConsent` cookie, a URL-encoded JS object literal (not JSON):
//   {stamp:'…',necessary:true,preferences:false,statistics:false,marketing:false,method:'explicit',ver:1,utc:…,region:'de'}
// `stamp:'-1'` = consent not required in the visitor's region (everything on, nobody chose); bare `-1` is the same in
// old versions and bare `0` an old "declined" record [unverified: read leniently].
// Live state: globals.cookiebot.consent/hasResponse; declaration: the dialog's cookie tables (CookieConsentDialog.cookieTable*).
import type { PurposeMap } from '../../types.ts';
import { type CmpInput, type CmpReading, makeReading, noChoice } from './reading.ts';
import { Declarations, nameFromText } from './declarations.ts';
import {
  categoryPurpose,
  decode,
  entries,
  findCookie,
  flag,
  get,
  isRecord,
  list,
  matchScript,
  PurposeFold,
  str,
  withNecessary,
} from './util.ts';

const CMP = 'cookiebot';
const HOSTS = ['cookiebot.com', 'cookiebot.eu'];
const CATEGORIES = ['necessary', 'preferences', 'statistics', 'marketing'] as const;

export function readCookiebot(input: CmpInput): CmpReading | null {
  const g = get(input.globals, CMP);
  const cookie = findCookie(input.cookies, 'CookieConsent');
  const script = matchScript(input.scripts, HOSTS);
  const detectedBy: string[] = [];
  // `CookieConsent` is also the default name of other CMPs' cookies (Osano/Insites, custom code): only a
  // Cookiebot-shaped value, or another marker, identifies Cookiebot.
  const literal = cookie ? parseLiteral(cookie.value) : null;
  const bare = cookie ? (decode(cookie.value) ?? '').trim() : '';
  const shaped = literal?.ok === true && (literal.value.has('stamp') || literal.value.has('necessary'));
  const cookieIsOurs = cookie !== undefined && (shaped || bare === '-1' || bare === '0');
  if (cookieIsOurs) detectedBy.push('cookie:CookieConsent');
  if (isRecord(g)) detectedBy.push(`global:${CMP}`);
  if (script) detectedBy.push(`script:${script}`);
  if (detectedBy.length === 0) return null;

  const declarations = new Declarations(`cmp:${CMP}`);
  readTables(get(g, 'tables'), declarations);
  const detail: Record<string, unknown> = {};
  const parts = { detectedBy, cookies: declarations.cookies, skipped: declarations.skipped, detail };
  const everything: PurposeMap = { necessary: true, functional: true, analytics: true, advertising: true };

  if (cookie && (cookieIsOurs || isRecord(g) || script)) {
    if (bare === '-1') {
      detail.consentRequired = false;
      return makeReading(CMP, { ...parts, choice: { choiceMade: false, purposes: everything } });
    }
    if (bare === '0') {
      detail.legacy = 'declined';
      return makeReading(CMP, { ...parts, choice: { choiceMade: true, purposes: withNecessary({ functional: false, analytics: false, advertising: false }) } });
    }
    if (!literal?.ok) {
      return makeReading(CMP, { ...parts, choice: null, error: `CookieConsent: ${literal?.error ?? 'unreadable'}` });
    }
    const record = literal.value;
    const stamp = record.get('stamp');
    const method = record.get('method');
    for (const key of ['method', 'region', 'ver']) if (record.has(key)) detail[key] = record.get(key);
    if (stamp === '-1') {
      detail.consentRequired = false;
      return makeReading(CMP, { ...parts, choice: { choiceMade: false, purposes: everything } });
    }
    const fold = new PurposeFold();
    for (const category of CATEGORIES) {
      const value = flag(record.get(category));
      if (value !== undefined) fold.term(CMP, category, value);
    }
    // 'implied' = the banner counted scrolling or continuing as consent: a record, not a choice.
    const choiceMade = method !== 'implied';
    return makeReading(CMP, { ...parts, choice: { choiceMade, purposes: withNecessary(fold.purposes) } });
  }

  // No cookie: the live object holds the configured defaults until the visitor answers.
  const consent = get(g, 'consent');
  const fold = new PurposeFold();
  for (const category of CATEGORIES) {
    const value = flag(get(consent, category));
    if (value !== undefined) fold.term(CMP, category, value);
  }
  if (get(g, 'hasResponse') === true && get(consent, 'method') !== 'implied') {
    return makeReading(CMP, { ...parts, choice: { choiceMade: true, purposes: withNecessary(fold.purposes) } });
  }
  return makeReading(CMP, { ...parts, choice: noChoice(fold.purposes) });
}

type Literal = { ok: true; value: Map<string, string | boolean | number | null> } | { ok: false; error: string };

const PAIR = /^\s*([A-Za-z_$][\w$]*|'[^']*'|"[^"]*")\s*:\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|true|false|null|-?\d+(?:\.\d+)?)\s*(,|\})/;

/** A flat JS object literal with quoted or bare keys and string/boolean/number/null values. */
export function parseLiteral(raw: string): Literal {
  const text = decode(raw.slice(0, 16_384));
  if (text === null) return { ok: false, error: 'not valid URL-encoding' };
  const s = text.trim();
  if (!s.startsWith('{')) return { ok: false, error: 'not an object literal' };
  const value = new Map<string, string | boolean | number | null>();
  let rest = s.slice(1);
  if (/^\s*\}/.test(rest)) return { ok: true, value };
  for (let i = 0; i < 100; i++) {
    const m = PAIR.exec(rest);
    if (!m) return { ok: false, error: 'not a valid object literal' };
    const key = (m[1] ?? '').replace(/^['"]|['"]$/g, '');
    const v = m[2] ?? '';
    const parsed =
      v === 'true' ? true : v === 'false' ? false : v === 'null' ? null : /^['"]/.test(v) ? v.slice(1, -1) : Number(v);
    if (!value.has(key)) value.set(key, parsed);
    rest = rest.slice(m[0].length);
    if (m[3] === '}') return { ok: true, value };
  }
  return { ok: false, error: 'too many fields' };
}

/** Rows `[name, provider, purpose, expiry, type, typeId, regex, url]` per category table. */
function readTables(tables: unknown, declarations: Declarations): void {
  for (const [category, rows] of entries(tables, 10)) {
    const purpose = categoryPurpose(CMP, category);
    for (const row of list(rows, 1000)) {
      if (!Array.isArray(row)) continue;
      const name = str(row[0], 256);
      if (name === undefined) continue;
      const type = `${row[4] ?? ''}`.toLowerCase();
      const typeId = row[5];
      // Only HTTP cookies: the tables also list local storage (HTML), pixels and IndexedDB.
      if ((type !== '' && !type.startsWith('http')) || (typeId !== undefined && typeId !== 1 && typeId !== '1' && type === '')) continue;
      declarations.add({ name: nameFromText(name), purpose, retention: row[3] });
    }
  }
}
