// orestbida vanilla-cookieconsent: metadata-formats.md §6.8.
// Choice: `cc_cookie` (cookie, or localStorage; name configurable) = JSON, v3 {categories:[…], revision, services, consentId, …},
// v2 {level:[…], revision, rfc_cookie}. A stored revision older than the configured one is void (the banner asks again).
// Live: globals.cookieconsent {version, cookie, preferences (getUserPreferences()), config}.
// Declaration: v3 config.categories.<cat>.autoClear.cookies / .services.<svc>.cookies ([{name: string | {$regex}}]) and the
// preferences modal's cookieTable; v2 languages.<lang>.settings_modal.blocks[].cookie_table.
import type { Purpose } from '../../types.ts';
import { type CmpInput, type CmpReading, makeReading, noChoice } from './reading.ts';
import { Declarations, type NameMatch, nameFromPattern, nameFromText } from './declarations.ts';
import {
  categoryPurpose,
  entries,
  findCookie,
  get,
  isRecord,
  list,
  matchScript,
  parseMaybeEncodedJson,
  PurposeFold,
  storageItem,
  str,
  withNecessary,
} from './util.ts';

const CMP = 'cookieconsent';
const PATHS = ['vanilla-cookieconsent', 'orestbida/cookieconsent'];

export function readCookieConsent(input: CmpInput): CmpReading | null {
  const g = get(input.globals, CMP);
  const config = get(g, 'config');
  const name = str(get(get(config, 'cookie'), 'name'), 100) ?? str(get(config, 'cookie_name'), 100) ?? 'cc_cookie';
  const cookie = findCookie(input.cookies, name);
  const stored = storageItem(input.storage, name);
  const detectedBy: string[] = [];
  if (cookie) detectedBy.push(`cookie:${name}`);
  if (stored !== undefined) detectedBy.push(`storage:${name}`);
  if (isRecord(g)) detectedBy.push(`global:${CMP}`);
  const script = matchScript(input.scripts, [], PATHS);
  if (script) detectedBy.push(`script:${script}`);
  if (detectedBy.length === 0) return null;

  const declarations = new Declarations(`cmp:${CMP}`);
  const categories = readConfig(config, declarations);
  const parts = { detectedBy, cookies: declarations.cookies, skipped: declarations.skipped };

  const raw = cookie?.value ?? stored;
  const fromLive = get(g, 'cookie');
  let record: unknown = isRecord(fromLive) ? fromLive : undefined;
  if (raw !== undefined) {
    const parsed = parseMaybeEncodedJson(raw);
    if (!parsed.ok || !isRecord(parsed.value)) {
      return makeReading(CMP, { ...parts, choice: null, error: `${name}: ${parsed.ok ? 'not a JSON object' : parsed.error}` });
    }
    record = parsed.value;
  }
  const accepted = list(get(record, 'categories') ?? get(record, 'level'), 50).filter((c): c is string => typeof c === 'string');
  const known = new Set<string>([...categories.keys(), ...entries(get(record, 'services'), 50).map(([k]) => k)]);
  for (const c of list(get(get(g, 'preferences'), 'rejectedCategories'), 50)) if (typeof c === 'string') known.add(c);
  const detail: Record<string, unknown> = { version: get(record, 'level') !== undefined ? 2 : 3 };

  if (record === undefined || (accepted.length === 0 && get(record, 'categories') === undefined && get(record, 'level') === undefined)) {
    // No choice stored: categories configured `enabled` (pre-ticked) or `readOnly` are on.
    const fold = new PurposeFold();
    for (const info of categories.values()) fold.add(info.purpose, info.enabled);
    return makeReading(CMP, { ...parts, detail, choice: noChoice(fold.purposes) });
  }
  const fold = new PurposeFold();
  for (const cat of accepted) fold.add(categories.get(cat)?.purpose ?? categoryPurpose(CMP, cat), true);
  for (const cat of known) if (!accepted.includes(cat)) fold.add(categories.get(cat)?.purpose ?? categoryPurpose(CMP, cat), false);
  const revision = get(record, 'revision');
  const configured = get(config, 'revision');
  const stale = typeof configured === 'number' && typeof revision === 'number' && revision !== configured;
  if (stale) detail.staleRevision = { stored: revision, configured };
  const purposes = withNecessary(fold.purposes);
  return makeReading(CMP, { ...parts, detail, choice: stale ? noChoice(purposes) : { choiceMade: true, purposes } });
}

interface Category {
  purpose: Purpose;
  enabled: boolean;
}

function readConfig(config: unknown, declarations: Declarations): Map<string, Category> {
  const categories = new Map<string, Category>();
  for (const [cat, info] of entries(get(config, 'categories'), 50)) {
    const purpose = categoryPurpose(CMP, cat);
    categories.set(cat, { purpose, enabled: get(info, 'enabled') === true || get(info, 'readOnly') === true });
    for (const c of list(get(get(info, 'autoClear'), 'cookies'), 200)) {
      declarations.add({ name: cookieName(get(c, 'name')), purpose, domain: get(c, 'domain') });
    }
    for (const [, service] of entries(get(info, 'services'), 50)) {
      for (const c of list(get(service, 'cookies'), 200)) declarations.add({ name: cookieName(get(c, 'name')), purpose, domain: get(c, 'domain') });
    }
  }
  readV3Tables(config, declarations);
  readV2Tables(config, declarations, categories);
  return categories;
}

function cookieName(value: unknown): NameMatch {
  if (typeof value === 'string') return nameFromText(value);
  const regex = str(get(value, '$regex'), 256);
  return regex === undefined ? { skip: 'cookie entry without a name' } : nameFromPattern(regex);
}

/** The first translation: `en` where present (they all describe the same cookies). */
function firstTranslation(map: unknown): unknown {
  return get(map, 'en') ?? entries(map, 30).find(([, v]) => isRecord(v))?.[1];
}

/** v3: language.translations.<lang>.preferencesModal.sections[] { linkedCategory, cookieTable: { headers, body } }. */
function readV3Tables(config: unknown, declarations: Declarations): void {
  const t = firstTranslation(get(get(config, 'language'), 'translations'));
  for (const section of list(get(get(t, 'preferencesModal'), 'sections'), 50)) {
    const category = str(get(section, 'linkedCategory'), 100);
    const table = get(section, 'cookieTable');
    if (category === undefined || !isRecord(table)) continue;
    const headers = entries(get(table, 'headers'), 20);
    const retentionKey = headers.find(([, label]) => /expir|duration|retention|lifetime|ablauf|durée/i.test(`${label}`))?.[0];
    for (const row of list(get(table, 'body'), 200)) {
      const name = str(get(row, 'name'), 256);
      if (name === undefined) continue;
      const retention = retentionKey === undefined ? undefined : get(row, retentionKey);
      declarations.add({ name: nameFromText(name), purpose: categoryPurpose(CMP, category), retention, domain: get(row, 'domain') });
    }
  }
}

/** v2: languages.<lang>.settings_modal { cookie_table_headers: [{col1:'Name'},…], blocks: [{ toggle:{value}, cookie_table:[{col1,…,is_regex}] }] }. */
function readV2Tables(config: unknown, declarations: Declarations, categories: Map<string, Category>): void {
  const modal = get(firstTranslation(get(config, 'languages')), 'settings_modal');
  const headers = list(get(modal, 'cookie_table_headers'), 20).flatMap((h) => entries(h, 5));
  const nameKey = headers.find(([, label]) => /name/i.test(`${label}`))?.[0] ?? 'col1';
  const domainKey = headers.find(([, label]) => /domain/i.test(`${label}`))?.[0];
  const retentionKey = headers.find(([, label]) => /expir|duration|retention|lifetime/i.test(`${label}`))?.[0];
  for (const block of list(get(modal, 'blocks'), 50)) {
    const toggle = get(block, 'toggle');
    const category = str(get(toggle, 'value'), 100);
    if (category === undefined) continue;
    // v2 has no categories object: the settings blocks' toggles are the categories (and their defaults).
    if (!categories.has(category)) {
      const enabled = get(toggle, 'enabled') === true || get(toggle, 'readonly') === true;
      categories.set(category, { purpose: categoryPurpose(CMP, category), enabled });
    }
    for (const row of list(get(block, 'cookie_table'), 200)) {
      const name = str(get(row, nameKey), 256);
      if (name === undefined) continue;
      declarations.add({
        name: get(row, 'is_regex') === true ? nameFromPattern(name) : nameFromText(name),
        purpose: categoryPurpose(CMP, category),
        retention: retentionKey === undefined ? undefined : get(row, retentionKey),
        domain: domainKey === undefined ? undefined : get(row, domainKey),
      });
    }
  }
}
