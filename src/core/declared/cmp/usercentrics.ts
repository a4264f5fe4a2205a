// Usercentrics, three generations: metadata-formats.md §6.5.
// V3: localStorage `ucData` = {gcm:{adStorage,analyticsStorage,…}, consent:{services:{<id>:{consent,name,…}}}}, global `__ucCmp`.
// V2: localStorage `uc_settings` = {services:[{id,status,history:[{type:'explicit'|'implicit',…}]}]} + `uc_user_interaction`,
//     global `UC_UI` (getServicesBaseInfo() gives each service's categorySlug). V1: global `usercentrics`.
// Services carry no category in storage: purposes come from the categories the live API reports, and from the
// Google Consent Mode state V3 keeps next to the services.
import { type CmpInput, type CmpReading, makeReading, noChoice } from './reading.ts';
import {
  categoryPurpose,
  entries,
  flag,
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

const CMP = 'usercentrics';
const HOSTS = ['usercentrics.eu', 'usercentrics.com'];
const KEYS = ['ucData', 'uc_settings', 'uc_user_interaction'] as const;

interface Service {
  id: string;
  granted: boolean;
  explicit: boolean;
  category?: string;
}

export function readUsercentrics(input: CmpInput): CmpReading | null {
  const g = get(input.globals, CMP);
  const detectedBy: string[] = KEYS.filter((k) => storageItem(input.storage, k) !== undefined).map((k) => `storage:${k}`);
  if (isRecord(g)) detectedBy.push(`global:${CMP}`);
  const script = matchScript(input.scripts, HOSTS);
  if (script) detectedBy.push(`script:${script}`);
  if (detectedBy.length === 0) return null;

  // Categories by service id (templateId) from the live API.
  const categories = new Map<string, string>();
  for (const s of list(get(g, 'services'), 500)) {
    const id = str(get(s, 'id'), 100);
    const slug = str(get(s, 'categorySlug'), 100);
    if (id && slug) categories.set(id, slug);
  }

  const services: Service[] = [];
  const fold = new PurposeFold();
  const detail: Record<string, unknown> = {};
  const errors: string[] = [];

  const v3 = storageItem(input.storage, 'ucData');
  if (v3 !== undefined) {
    const parsed = parseJson(v3);
    if (!parsed.ok || !isRecord(parsed.value)) errors.push(`ucData: ${parsed.ok ? 'not a JSON object' : parsed.error}`);
    else {
      detail.version = 3;
      for (const [id, s] of entries(get(get(parsed.value, 'consent'), 'services'), 500)) {
        const granted = flag(get(s, 'consent'));
        if (granted === undefined) continue;
        const type = `${get(s, 'type') ?? get(get(s, 'consent'), 'type') ?? ''}`.toLowerCase();
        services.push(withCategory({ id, granted, explicit: type === 'explicit' }, s, categories));
      }
      // Consent Mode keys in camelCase: adStorage → ad_storage.
      for (const [key, value] of entries(get(parsed.value, 'gcm'), 20)) {
        const granted = flag(value);
        if (granted !== undefined) fold.term('consent-mode', key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), granted);
      }
    }
  }

  const v2 = storageItem(input.storage, 'uc_settings');
  if (v2 !== undefined && services.length === 0) {
    const parsed = parseJson(v2);
    if (!parsed.ok || !isRecord(parsed.value)) errors.push(`uc_settings: ${parsed.ok ? 'not a JSON object' : parsed.error}`);
    else {
      detail.version = 2;
      for (const s of list(get(parsed.value, 'services'), 500)) {
        const id = str(get(s, 'id'), 100);
        const granted = flag(get(s, 'status'));
        if (id === undefined || granted === undefined) continue;
        const explicit = list(get(s, 'history'), 50).some((h) => `${get(h, 'type') ?? ''}`.toLowerCase() === 'explicit');
        services.push(withCategory({ id, granted, explicit }, s, categories));
      }
    }
  }

  if (services.length === 0) {
    // Live API only (V2 UC_UI services, V1 usercentrics.getConsents()).
    for (const s of list(get(g, 'services'), 500)) {
      const id = str(get(s, 'id'), 100);
      const granted = flag(get(get(s, 'consent'), 'status'));
      if (id === undefined || granted === undefined) continue;
      const explicit = list(get(get(s, 'consent'), 'history'), 50).some((h) => `${get(h, 'type') ?? ''}`.toLowerCase() === 'explicit');
      services.push(withCategory({ id, granted, explicit }, s, categories));
    }
  }

  let unknown = 0;
  for (const s of services) {
    const purpose = categoryPurpose(CMP, s.category);
    if (purpose === 'unknown') unknown += 1;
    fold.add(purpose, s.granted);
  }
  if (unknown > 0) detail.servicesWithoutCategory = unknown;

  const error = errors.length > 0 ? errors.join('; ') : undefined;
  const interaction = storageItem(input.storage, 'uc_user_interaction');
  const choiceMade = interaction === 'true' || services.some((s) => s.explicit);
  if (error !== undefined && services.length === 0) return makeReading(CMP, { detectedBy, detail, error, choice: null });
  const purposes = withNecessary(fold.purposes);
  const parts = { detectedBy, detail, choice: choiceMade ? { choiceMade, purposes } : noChoice(purposes) };
  return makeReading(CMP, error === undefined ? parts : { ...parts, error });
}

function withCategory(service: Service, raw: unknown, categories: Map<string, string>): Service {
  const category = str(get(raw, 'categorySlug'), 100) ?? str(get(raw, 'category'), 100) ?? categories.get(service.id);
  return category === undefined ? service : { ...service, category };
}
