// Klaro (KIProtect): metadata-formats.md §6.7.
// Choice: cookie (default name `klaro`, configurable cookieName/storageName) or localStorage (storageMethod) holding
// URL-encoded JSON {"<service>": true|false}. Services map to purposes through the config.
// Declaration: globals.klaro.config = klaroConfig with `services` (older: `apps`) = [{name, purposes, cookies, required, default}];
// `cookies` entries are names, regexes (collected as {$regex: source}) or [name|regex, path, domain].
import type { Purpose } from '../../types.ts';
import { type CmpInput, type CmpReading, makeReading, noChoice } from './reading.ts';
import { Declarations, type NameMatch, nameFromPattern, nameFromText } from './declarations.ts';
import {
  categoryPurpose,
  entries,
  findCookie,
  flag,
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

const CMP = 'klaro';
const HOSTS = ['kiprotect.com', 'klaro.org'];
const PATHS = ['/klaro.js', '/klaro-no-css.js', '/klaro.min.js'];
// One purpose per cookie: a service declared for several purposes counts as the most privacy-relevant one.
const RANK: readonly Purpose[] = ['advertising', 'social', 'analytics', 'functional', 'necessary'];

interface ServiceInfo {
  purpose: Purpose;
  purposes: Purpose[];
  required: boolean;
  default: boolean;
}

export function readKlaro(input: CmpInput): CmpReading | null {
  const g = get(input.globals, CMP);
  const config = get(g, 'config');
  const name = str(get(config, 'storageName'), 100) ?? str(get(config, 'cookieName'), 100) ?? 'klaro';
  const useStorage = `${get(config, 'storageMethod') ?? ''}`.toLowerCase() === 'localstorage';
  const cookie = findCookie(input.cookies, name);
  const stored = storageItem(input.storage, name);
  const raw = useStorage ? (stored ?? cookie?.value) : (cookie?.value ?? stored);
  const detectedBy: string[] = [];
  if (cookie) detectedBy.push(`cookie:${name}`);
  if (stored !== undefined) detectedBy.push(`storage:${name}`);
  if (isRecord(g)) detectedBy.push(`global:${CMP}`);
  const script = matchScript(input.scripts, HOSTS, PATHS);
  if (script) detectedBy.push(`script:${script}`);
  // A cookie merely called "klaro" without any other marker is still Klaro's: nothing else uses that name.
  if (detectedBy.length === 0) return null;

  const declarations = new Declarations(`cmp:${CMP}`);
  const services = readServices(config, declarations);
  const parts = { detectedBy, cookies: declarations.cookies, skipped: declarations.skipped };

  let consents: [string, unknown][] | null = null;
  if (raw !== undefined) {
    const parsed = parseMaybeEncodedJson(raw);
    if (!parsed.ok || !isRecord(parsed.value)) {
      const error = `${name}: ${parsed.ok ? 'not a JSON object' : parsed.error}`;
      return makeReading(CMP, { ...parts, choice: null, error });
    }
    consents = entries(parsed.value, 500);
  }
  const live = get(g, 'consents');
  const confirmed = get(g, 'confirmed') === true;
  const states = consents ?? (isRecord(live) ? entries(live, 500) : null);

  const fold = new PurposeFold();
  if (states) {
    for (const [service, value] of states) {
      const granted = flag(value);
      const info = services.get(service);
      if (granted === undefined) continue;
      if (!info) fold.add(categoryPurpose(CMP, service), granted);
      else for (const p of info.purposes) fold.add(p, granted || info.required);
    }
  } else {
    const globalDefault = get(config, 'default') === true;
    for (const info of services.values()) for (const p of info.purposes) fold.add(p, info.required || info.default || globalDefault);
  }
  const purposes = withNecessary(fold.purposes);
  const choiceMade = consents !== null || confirmed;
  const detail = { services: services.size, from: consents ? 'storage' : states ? 'live' : 'defaults' };
  return makeReading(CMP, { ...parts, detail, choice: choiceMade ? { choiceMade, purposes } : noChoice(purposes) });
}

function readServices(config: unknown, declarations: Declarations): Map<string, ServiceInfo> {
  const services = new Map<string, ServiceInfo>();
  const items = get(config, 'services') ?? get(config, 'apps');
  for (const s of list(items, 300)) {
    const name = str(get(s, 'name'), 200);
    if (name === undefined) continue;
    const required = get(s, 'required') === true;
    const purposes: Purpose[] = [...new Set(list(get(s, 'purposes'), 20).map((p) => categoryPurpose(CMP, p)))].filter(
      (p) => p !== 'unknown',
    );
    if (purposes.length === 0 && required) purposes.push('necessary');
    const purpose = RANK.find((p) => purposes.includes(p)) ?? 'unknown';
    if (!services.has(name)) services.set(name, { purpose, purposes, required, default: get(s, 'default') === true });
    for (const c of list(get(s, 'cookies'), 200)) {
      const [pattern, , domain] = Array.isArray(c) ? (c as unknown[]) : [c];
      declarations.add({ name: cookieName(pattern), purpose, domain });
    }
  }
  return services;
}

function cookieName(pattern: unknown): NameMatch {
  if (typeof pattern === 'string') return nameFromText(pattern);
  const regex = str(get(pattern, '$regex'), 256) ?? str(get(pattern, 'source'), 256);
  if (regex !== undefined) return nameFromPattern(regex);
  return { skip: 'cookie entry is neither a name nor a regex' };
}
