// CookieYes and its older WordPress plugin CookieLawInfo: metadata-formats.md §6.3.
// Choice: `cookieyes-consent` = `consentid:…,consent:yes,action:yes,necessary:yes,functional:no,…`; `action:yes` = the
// visitor acted (empty or `no` = defaults, e.g. `action:no` with everything `yes` under an opt-out law).
// Legacy: `cookielawinfo-checkbox-<category>=yes|no` + `viewed_cookie_policy`. Live: globals.cookieyes.consent (getCkyConsent()).
// Declaration: globals.cookieyes.config (`_ckyConfig` categories with cookies) [unverified shape: read leniently].
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

const CMP = 'cookieyes';
const HOSTS = ['cookieyes.com', 'cdn-cookieyes.com'];
const PATHS = ['/plugins/cookie-law-info/'];
const META = new Set(['consentid', 'consent', 'action', 'rev', 'lastreneweddate', 'consenttime']);
const LEGACY_PREFIX = 'cookielawinfo-checkbox-';

export function readCookieYes(input: CmpInput): CmpReading | null {
  const g = get(input.globals, CMP);
  const cookie = findCookie(input.cookies, 'cookieyes-consent');
  const legacy = input.cookies.filter((c) => c.name.startsWith(LEGACY_PREFIX)).slice(0, 50);
  const viewed = findCookie(input.cookies, 'viewed_cookie_policy');
  const detectedBy: string[] = [];
  if (cookie) detectedBy.push('cookie:cookieyes-consent');
  if (legacy.length > 0) detectedBy.push(`cookie:${LEGACY_PREFIX}*`);
  if (viewed) detectedBy.push('cookie:viewed_cookie_policy');
  if (isRecord(g)) detectedBy.push(`global:${CMP}`);
  const script = matchScript(input.scripts, HOSTS, PATHS);
  if (script) detectedBy.push(`script:${script}`);
  if (detectedBy.length === 0) return null;

  const declarations = new Declarations(`cmp:${CMP}`);
  readConfig(get(g, 'config'), declarations);
  const parts = { detectedBy, cookies: declarations.cookies, skipped: declarations.skipped };

  if (cookie) {
    const text = cookie.value.includes('%') ? decode(cookie.value) : cookie.value;
    if (text === null) return makeReading(CMP, { ...parts, choice: null, error: 'cookieyes-consent is not valid URL-encoding' });
    const fields = new Map<string, string>();
    for (const item of text.slice(0, 4096).split(',').slice(0, 100)) {
      const at = item.indexOf(':');
      if (at > 0 && !fields.has(item.slice(0, at).trim())) fields.set(item.slice(0, at).trim(), item.slice(at + 1).trim());
    }
    if (fields.size === 0) return makeReading(CMP, { ...parts, choice: null, error: 'cookieyes-consent has no key:value fields' });
    const fold = new PurposeFold();
    for (const [key, value] of fields) {
      if (META.has(key.toLowerCase())) continue;
      const granted = flag(value);
      if (granted !== undefined) fold.term(CMP, key, granted);
    }
    const choiceMade = fields.get('action') === 'yes';
    const detail = { action: fields.get('action') ?? null, consent: fields.get('consent') ?? null };
    return makeReading(CMP, { ...parts, detail, choice: { choiceMade, purposes: withNecessary(fold.purposes) } });
  }

  if (legacy.length > 0 || viewed) {
    const fold = new PurposeFold();
    for (const c of legacy) {
      const granted = flag(c.value);
      if (granted !== undefined) fold.term(CMP, c.name.slice(LEGACY_PREFIX.length), granted);
    }
    const detail = { legacy: 'cookielawinfo' };
    const purposes = withNecessary(fold.purposes);
    return makeReading(CMP, { ...parts, detail, choice: viewed ? { choiceMade: true, purposes } : noChoice(purposes) });
  }

  // Only the live API: getCkyConsent() → { categories: { analytics: false, … }, isUserActionCompleted }.
  const consent = get(g, 'consent');
  const fold = new PurposeFold();
  for (const [category, value] of entries(get(consent, 'categories'), 50)) {
    const granted = flag(value);
    if (granted !== undefined) fold.term(CMP, category, granted);
  }
  const purposes = withNecessary(fold.purposes);
  return makeReading(CMP, {
    ...parts,
    choice: get(consent, 'isUserActionCompleted') === true ? { choiceMade: true, purposes } : noChoice(purposes),
  });
}

function readConfig(config: unknown, declarations: Declarations): void {
  const categories = get(config, '_categories') ?? get(config, 'categories');
  for (const category of list(categories, 50)) {
    const slug = get(category, 'slug') ?? get(category, 'name');
    const purpose = categoryPurpose(CMP, slug);
    for (const c of list(get(category, 'cookies'), 500)) {
      const name = str(get(c, 'cookieID')) ?? str(get(c, 'name')) ?? str(get(c, 'id'));
      if (name === undefined) continue;
      declarations.add({ name: nameFromText(name), purpose, retention: text(get(c, 'duration')), domain: get(c, 'domain') });
    }
  }
}

/** A plain string, or the English (else first) text of a per-language map. */
function text(value: unknown): unknown {
  if (!isRecord(value)) return value;
  return get(value, 'en') ?? entries(value, 20).find(([, v]) => typeof v === 'string')?.[1];
}
