// MAIN-world snapshot of consent-management-platform globals (metadata-formats.md §6, §12.2 step 4), read back by
// src/core/declared/cmp/*. Runs inside a hostile page: every property read and call is guarded (getters and
// Proxies can throw), results are deep-copied into bounded plain JSON (depth ≤ 11 under each CMP key, which with
// the key stays within the snapshot sanitizer's 12; strings ≤ 4 KB, arrays ≤ 500, 20,000 values per CMP),
// and a regular expression survives as {$regex, flags} so cookie-name patterns are not lost.
// Self-contained on purpose: no imports, so it can be injected as one function.
//
// Keys and shapes (what the readers expect):
//   onetrust      { activeGroups, legacyActiveGroups, alertBoxClosed, domainData: { Groups: [...] } }
//   cookiebot     { consent, consented, declined, hasResponse, doNotTrack, consentID, tables: { necessary: [[row]], … } }
//   cookieyes     { consent (getCkyConsent()), config (_ckyConfig categories), legacy }
//   didomi        { status (getCurrentUserStatus()), legacyStatus (getUserStatus()), shouldConsentBeCollected }
//   usercentrics  { v3, services: [{ id, name, categorySlug, consent: { status, history } }] }
//   complianz     { settings (the `complianz` object), hasConsent: { <category>: boolean } }
//   klaro         { config (klaroConfig), consents, confirmed }
//   cookieconsent { version, cookie, preferences, config }
//   osano         { consent (Osano.cm.getConsent()), dialogOpen }
//   trustarc      { prefCookie, behavior, consentDecision }

type Obj = Record<string, unknown>;

// vanilla-cookieconsent's cookie-table rows sit 10 levels down (config.language.translations.<lang>.preferencesModal
// .sections[i].cookieTable.body[j]); a shallower cap silently dropped every table.
const MAX_DEPTH = 11;
const MAX_STRING = 4096;
const MAX_ITEMS = 500;
const MAX_KEYS = 200;
const MAX_NODES = 20_000;

/** Every CMP's globals under its own key; a CMP that is absent has no key. Never throws. */
export function collectCmpGlobals(): Record<string, unknown> {
  const w = (() => {
    try {
      return window as unknown as Obj;
    } catch {
      return {} as Obj;
    }
  })();
  const collectors: [string, (w: Obj) => unknown][] = [
    ['onetrust', oneTrust],
    ['cookiebot', cookiebot],
    ['cookieyes', cookieYes],
    ['didomi', didomi],
    ['usercentrics', usercentrics],
    ['complianz', complianz],
    ['klaro', klaro],
    ['cookieconsent', cookieConsent],
    ['osano', osano],
    ['trustarc', trustArc],
  ];
  const out: Record<string, unknown> = {};
  for (const [key, collect] of collectors) {
    try {
      const value = collect(w);
      if (value === undefined) continue;
      const copied = copy(value, 0, { nodes: MAX_NODES });
      if (copied !== undefined) out[key] = copied;
    } catch {
      // one CMP's trap must not cost the others
    }
  }
  return out;
}

// ---- guarded access ---------------------------------------------------------------------------------------

function read(target: unknown, key: string): unknown {
  try {
    if ((typeof target !== 'object' && typeof target !== 'function') || target === null) return undefined;
    return (target as Obj)[key];
  } catch {
    return undefined;
  }
}

function path(target: unknown, ...keys: string[]): unknown {
  let value = target;
  for (const key of keys) value = read(value, key);
  return value;
}

/** Calls `target[name](...args)` with `this = target`; undefined on a throw, a non-function or a promise. */
function call(target: unknown, name: string, ...args: unknown[]): unknown {
  try {
    const fn = read(target, name);
    if (typeof fn !== 'function') return undefined;
    const result: unknown = fn.apply(target, args);
    if (typeof read(result, 'then') === 'function') return undefined;
    return result;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null;
}

function present(value: unknown): boolean {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** The listed keys of `target`, each read under guard; keys whose value is undefined are left out. */
function pick(target: unknown, keys: readonly string[]): Obj | undefined {
  if (!present(target)) return undefined;
  const out: Obj = {};
  for (const key of keys) {
    const value = read(target, key);
    if (value !== undefined && typeof value !== 'function') out[key] = value;
  }
  return out;
}

function mapList(value: unknown, max: number, fn: (item: unknown) => unknown): unknown[] | undefined {
  try {
    if (!Array.isArray(value)) return undefined;
    const out: unknown[] = [];
    const n = Math.min(value.length, max);
    for (let i = 0; i < n; i++) out.push(fn(read(value, String(i))));
    return out;
  } catch {
    return undefined;
  }
}

/** A bounded plain-JSON copy; undefined for what JSON cannot hold. */
function copy(value: unknown, depth: number, budget: { nodes: number }): unknown {
  if (budget.nodes <= 0) return undefined;
  budget.nodes -= 1;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.length > MAX_STRING ? value.slice(0, MAX_STRING) : value;
  if (typeof value !== 'object' || depth >= MAX_DEPTH) return undefined;
  try {
    if (value instanceof RegExp) return { $regex: String(value.source).slice(0, MAX_STRING), flags: String(value.flags) };
    if (typeof Node !== 'undefined' && value instanceof Node) return undefined;
    if (typeof Window !== 'undefined' && value instanceof Window) return undefined;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      const n = Math.min(value.length, MAX_ITEMS);
      for (let i = 0; i < n; i++) {
        const item = copy(read(value, String(i)), depth + 1, budget);
        out.push(item === undefined ? null : item);
      }
      return out;
    }
    const out: Obj = {};
    for (const key of Object.keys(value).slice(0, MAX_KEYS)) {
      if (key === '__proto__') continue;
      const item = copy(read(value, key), depth + 1, budget);
      if (item !== undefined) out[key] = item;
    }
    return out;
  } catch {
    return undefined;
  }
}

// ---- one function per CMP ---------------------------------------------------------------------------------

function oneTrust(w: Obj): unknown {
  const api = present(read(w, 'OneTrust')) ? read(w, 'OneTrust') : read(w, 'Optanon');
  const active = read(w, 'OnetrustActiveGroups');
  const legacy = read(w, 'OptanonActiveGroups');
  if (!present(api) && typeof active !== 'string' && typeof legacy !== 'string' && typeof read(w, 'OptanonWrapper') !== 'function') return undefined;
  const out: Obj = {};
  if (typeof active === 'string') out.activeGroups = active;
  if (typeof legacy === 'string') out.legacyActiveGroups = legacy;
  const closed = call(api, 'IsAlertBoxClosed');
  if (typeof closed === 'boolean') out.alertBoxClosed = closed;
  const data = call(api, 'GetDomainData');
  const groups = mapList(read(data, 'Groups'), 300, oneTrustGroup);
  if (groups) out.domainData = { Groups: groups };
  return out;
}

const OT_COOKIE = ['Name', 'Host', 'IsSession', 'Length', 'DurationType', 'isThirdParty'];

function oneTrustGroup(group: unknown, depth = 0): unknown {
  const out = pick(group, ['CustomGroupId', 'OptanonGroupId', 'GroupName', 'Status', 'Type', 'Parent', 'IsIabPurpose']);
  if (!out) return undefined;
  const cookies = (list: unknown) => mapList(list, 500, (c) => pick(c, OT_COOKIE));
  out.Cookies = cookies(read(group, 'Cookies'));
  out.FirstPartyCookies = cookies(read(group, 'FirstPartyCookies'));
  out.Hosts = mapList(read(group, 'Hosts'), 300, (h) => ({ HostName: read(h, 'HostName'), Cookies: cookies(read(h, 'Cookies')) }));
  if (depth < 2) out.SubGroups = mapList(read(group, 'SubGroups'), 100, (g) => oneTrustGroup(g, depth + 1));
  return out;
}

const COOKIEBOT_TABLES: [string, string][] = [
  ['cookieTableNecessary', 'necessary'],
  ['cookieTablePreference', 'preference'],
  ['cookieTableStatistics', 'statistics'],
  ['cookieTableAdvertising', 'advertising'],
  ['cookieTableUnclassified', 'unclassified'],
];

/** Cookiebot's own object, or the historical `CookieConsent` alias when it has Cookiebot's shape (not orestbida's). */
function cookiebotObject(w: Obj): unknown {
  const cb = read(w, 'Cookiebot');
  if (present(cb)) return cb;
  const alias = read(w, 'CookieConsent');
  if (isObject(read(alias, 'consent')) && typeof read(alias, 'getUserPreferences') !== 'function') return alias;
  return undefined;
}

function cookiebot(w: Obj): unknown {
  const cb = cookiebotObject(w);
  const holders = [read(cb, 'dialog'), read(w, 'CookieConsentDialog'), read(w, 'CookieDeclaration')];
  const rendered = cookieDeclarationDom();
  if (!present(cb) && !holders.some(present) && !rendered) return undefined;
  const out: Obj = {
    ...pick(cb, ['consented', 'declined', 'hasResponse', 'doNotTrack', 'consentID', 'consentUTC']),
    consent: pick(read(cb, 'consent'), ['necessary', 'preferences', 'statistics', 'marketing', 'method', 'stamp']),
  };
  for (const holder of holders) {
    const tables: Obj = {};
    for (const [key, category] of COOKIEBOT_TABLES) {
      const rows = read(holder, key);
      if (Array.isArray(rows)) tables[category] = rows;
    }
    if (Object.keys(tables).length > 0) {
      out.tables = tables;
      break;
    }
  }
  if (out.tables === undefined && rendered) out.tables = rendered;
  return out;
}

// The declaration cd.js renders into the page: one `.CookieDeclarationType` block per category, its header
// ("Statistics (3)", in the site's language), then rows of Name, Provider, Purpose, Maximum Storage Duration, Type.
// [observed class names; headers in other languages than these are skipped rather than guessed]
const CD_CATEGORIES: [RegExp, string][] = [
  [/necess|notwendig|nødvendig|nödvändig|noodzakelijk|nécessaire|necesari|essenz/i, 'necessary'],
  [/prefer|präferenz|voorkeur|præference/i, 'preference'],
  [/statisti|estad[ií]stic/i, 'statistics'],
  [/marketing|advertis|werbung|publicit/i, 'advertising'],
  [/unclassified|nicht klassifiziert|non classés|sin clasificar|ikke klassificeret|niet geclassificeerd|oklassificerade/i, 'unclassified'],
];

function cookieDeclarationDom(): Obj | undefined {
  try {
    if (typeof document === 'undefined') return undefined;
    const blocks = Array.from(document.querySelectorAll('.CookieDeclarationType')).slice(0, 10);
    const tables: Obj = {};
    for (const block of blocks) {
      const header = (block.querySelector('.CookieDeclarationTypeHeader')?.textContent ?? '').slice(0, 200);
      const category = CD_CATEGORIES.find(([re]) => re.test(header))?.[1];
      if (category === undefined || tables[category] !== undefined) continue;
      tables[category] = Array.from(block.querySelectorAll('tr'))
        .slice(0, MAX_ITEMS)
        .map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 6).map((td) => (td.textContent ?? '').trim().slice(0, 500)))
        .filter((cells) => cells.length >= 4);
    }
    return Object.keys(tables).length > 0 ? tables : undefined;
  } catch {
    return undefined;
  }
}

function cookieYes(w: Obj): unknown {
  const config = read(w, '_ckyConfig');
  const hasApi = typeof read(w, 'getCkyConsent') === 'function';
  const legacy = present(read(w, 'CLI')) || present(read(w, 'CLI_Cookie'));
  if (!hasApi && !present(config) && !legacy) return undefined;
  const categories = read(config, '_categories') ?? read(config, 'categories');
  return {
    consent: hasApi ? pick(call(w, 'getCkyConsent'), ['categories', 'isUserActionCompleted', 'activeLaw', 'consentID']) : undefined,
    config: present(config)
      ? {
          _categories: mapList(categories, 50, (c) => ({
            ...pick(c, ['slug', 'isNecessary', 'defaultConsent']),
            cookies: mapList(read(c, 'cookies'), 500, (k) => pick(k, ['cookieID', 'name', 'id', 'domain', 'duration'])),
          })),
        }
      : undefined,
    legacy,
  };
}

function didomi(w: Obj): unknown {
  const d = read(w, 'Didomi');
  if (!present(d) && !Array.isArray(read(w, 'didomiOnReady'))) return undefined;
  const status = call(d, 'getCurrentUserStatus');
  const out: Obj = {
    status: pick(status, ['purposes', 'created', 'updated', 'regulation']),
    shouldConsentBeCollected: call(d, 'shouldConsentBeCollected'),
  };
  if (!isObject(status)) out.legacyStatus = pick(call(d, 'getUserStatus'), ['purposes', 'created', 'updated']);
  return out;
}

function usercentrics(w: Obj): unknown {
  const v3 = present(read(w, '__ucCmp'));
  const ui = read(w, 'UC_UI');
  const v1 = read(w, 'usercentrics');
  if (!v3 && !present(ui) && !present(v1)) return undefined;
  const base = call(ui, 'getServicesBaseInfo');
  const services =
    mapList(base, 500, (s) => ({
      ...pick(s, ['id', 'name', 'categorySlug']),
      consent: pick(read(s, 'consent'), ['status', 'history']),
    })) ??
    mapList(call(v1, 'getConsents'), 500, (s) => ({
      id: read(s, 'templateId'),
      name: read(s, 'dataProcessor'),
      consent: { status: read(s, 'consentStatus') },
    }));
  return { v3, services };
}

function complianz(w: Obj): unknown {
  const settings = read(w, 'complianz');
  const hasConsent = typeof read(w, 'cmplz_has_consent') === 'function';
  if (!isObject(settings) && !hasConsent) return undefined;
  const out: Obj = { settings: pick(settings, ['prefix', 'consenttype', 'version', 'region', 'categories']) };
  if (hasConsent) {
    const states: Obj = {};
    for (const category of ['functional', 'preferences', 'statistics', 'marketing']) {
      const value = call(w, 'cmplz_has_consent', category);
      if (typeof value === 'boolean') states[category] = value;
    }
    out.hasConsent = states;
  }
  return out;
}

const KLARO_SERVICE = ['name', 'title', 'purposes', 'cookies', 'required', 'default', 'optOut', 'onlyOnce'];

function klaro(w: Obj): unknown {
  const k = read(w, 'klaro');
  const manager = call(k, 'getManager');
  const config = present(read(w, 'klaroConfig')) ? read(w, 'klaroConfig') : read(manager, 'config');
  if (!present(k) && !present(config)) return undefined;
  const services = read(config, 'services') ?? read(config, 'apps');
  return {
    config: present(config)
      ? {
          ...pick(config, ['storageName', 'cookieName', 'storageMethod', 'default', 'mustConsent', 'acceptAll', 'version']),
          services: mapList(services, 300, (s) => pick(s, KLARO_SERVICE)),
        }
      : undefined,
    consents: read(manager, 'consents'),
    confirmed: read(manager, 'confirmed'),
  };
}

function cookieConsent(w: Obj): unknown {
  const v3 = read(w, 'CookieConsent');
  if (typeof read(v3, 'getUserPreferences') === 'function' && typeof read(v3, 'acceptedCategory') === 'function') {
    const config = (field: string): unknown => call(v3, 'getConfig', field);
    return {
      version: 3,
      cookie: call(v3, 'getCookie'),
      preferences: call(v3, 'getUserPreferences'),
      config: {
        categories: config('categories'),
        revision: config('revision'),
        mode: config('mode'),
        cookie: pick(config('cookie'), ['name']),
        language: { translations: firstTranslation(read(config('language'), 'translations'), (t) => ({
          preferencesModal: {
            sections: mapList(path(t, 'preferencesModal', 'sections'), 50, (s) => ({
              linkedCategory: read(s, 'linkedCategory'),
              cookieTable: cookieTable(read(s, 'cookieTable')),
            })),
          },
        })) },
      },
    };
  }
  // v2: `initCookieConsent()` returns the instance; sites conventionally keep it as `cc`.
  if (typeof read(w, 'initCookieConsent') !== 'function') return undefined;
  const cc = read(w, 'cc');
  const get = (field: string): unknown => call(cc, 'getConfig', field);
  return {
    version: 2,
    preferences: call(cc, 'getUserPreferences'),
    config: {
      cookie_name: get('cookie_name'),
      revision: get('revision'),
      languages: firstTranslation(get('languages'), (t) => ({
        settings_modal: {
          cookie_table_headers: path(t, 'settings_modal', 'cookie_table_headers'),
          blocks: mapList(path(t, 'settings_modal', 'blocks'), 50, (b) => pick(b, ['toggle', 'cookie_table'])),
        },
      })),
    },
  };
}

/**
 * A v3 cookie table { headers: {key: label}, body: [{key: cell}] }: the header labels say which column holds the
 * expiration ("Expiration", "Duration", …), so both are kept; cells only as strings (HTML descriptions cut short).
 */
function cookieTable(table: unknown): Obj | undefined {
  if (!present(table)) return undefined;
  return { headers: cells(read(table, 'headers'), 200), body: mapList(read(table, 'body'), 200, (row) => cells(row, 300)) };
}

/** The string cells of a row (or header labels), at most 20, each at most `max` characters. */
function cells(row: unknown, max: number): Obj | undefined {
  if (!isObject(row)) return undefined;
  try {
    const out: Obj = {};
    for (const key of Object.keys(row).slice(0, 20)) {
      if (key === '__proto__') continue;
      const value = read(row, key);
      if (typeof value === 'string') out[key] = value.slice(0, max);
    }
    return out;
  } catch {
    return undefined;
  }
}

/** Only one language of a translations map (`en` where present): they all describe the same cookies. */
function firstTranslation(map: unknown, project: (t: unknown) => unknown): Obj | undefined {
  if (!isObject(map)) return undefined;
  try {
    const keys = Object.keys(map);
    const lang = keys.includes('en') ? 'en' : keys.find((k) => isObject(read(map, k)));
    return lang === undefined ? undefined : { [lang]: project(read(map, lang)) };
  } catch {
    return undefined;
  }
}

function osano(w: Obj): unknown {
  const cm = path(w, 'Osano', 'cm');
  if (!present(cm) && !present(read(w, 'Osano'))) return undefined;
  return { consent: call(cm, 'getConsent'), dialogOpen: read(cm, 'dialogOpen') };
}

function trustArc(w: Obj): unknown {
  const t = read(w, 'truste');
  if (!present(t) && !present(read(w, 'PrivacyManagerAPI'))) return undefined;
  const bindMap = path(t, 'eu', 'bindMap');
  let host = '';
  try {
    host = location.hostname;
  } catch {
    // leave empty
  }
  return {
    prefCookie: read(bindMap, 'prefCookie'),
    behavior: read(bindMap, 'behavior'),
    consentDecision: pick(call(read(t, 'cma'), 'callApi', 'getConsentDecision', host), ['consentDecision', 'source']),
  };
}
