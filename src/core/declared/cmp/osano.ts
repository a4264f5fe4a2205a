// Osano: metadata-formats.md §6.9.
// Storage: `osano_consentmanager` (cookie and/or localStorage) + `osano_consentmanager_uuid`. Real values are opaque
// (encrypted, base64url): they prove a saved record, not its content [observed]. Where a value is plain JSON
// ({"ANALYTICS":"ACCEPT",…} or {"analytics":true,…}) it is read. Live: globals.osano.consent = Osano.cm.getConsent()
// {ESSENTIAL, ANALYTICS, MARKETING, PERSONALIZATION, OPT_OUT: 'ACCEPT'|'DENY'}. OPT_OUT is skipped: its sense is
// inverted in some setups (metadata-formats.md pitfall).
import { type CmpInput, type CmpReading, makeReading, noChoice } from './reading.ts';
import { entries, findCookie, flag, get, isRecord, matchScript, parseMaybeEncodedJson, PurposeFold, storageItem, withNecessary } from './util.ts';

const CMP = 'osano';
const HOSTS = ['osano.com'];
const RECORD = 'osano_consentmanager';
const UUID = 'osano_consentmanager_uuid';

export function readOsano(input: CmpInput): CmpReading | null {
  const g = get(input.globals, CMP);
  const cookie = findCookie(input.cookies, RECORD);
  const stored = storageItem(input.storage, RECORD);
  const uuid = findCookie(input.cookies, UUID)?.value ?? storageItem(input.storage, UUID);
  const detectedBy: string[] = [];
  if (cookie) detectedBy.push(`cookie:${RECORD}`);
  if (stored !== undefined) detectedBy.push(`storage:${RECORD}`);
  if (uuid !== undefined) detectedBy.push(`cookie-or-storage:${UUID}`);
  if (isRecord(g)) detectedBy.push(`global:${CMP}`);
  const script = matchScript(input.scripts, HOSTS);
  if (script) detectedBy.push(`script:${script}`);
  if (detectedBy.length === 0) return null;

  const raw = cookie?.value ?? stored;
  const detail: Record<string, unknown> = {};
  let states = entries(get(g, 'consent'), 20);
  if (states.length > 0) detail.from = 'Osano.cm.getConsent()';
  else if (raw !== undefined) {
    const parsed = /^\s*(?:\{|%7B)/i.test(raw) ? parseMaybeEncodedJson(raw) : null;
    if (parsed?.ok && isRecord(parsed.value)) {
      states = entries(parsed.value, 20);
      detail.from = RECORD;
    } else detail.opaque = true;
  }
  const fold = new PurposeFold();
  for (const [key, value] of states) {
    if (key.toUpperCase() === 'OPT_OUT') continue;
    const granted = flag(value);
    if (granted !== undefined) fold.term(CMP, key, granted);
  }
  const purposes = withNecessary(fold.purposes);
  // A saved record exists only once the visitor answered [unverified: Osano may also save implied consent].
  const choiceMade = raw !== undefined && get(g, 'dialogOpen') !== true;
  return makeReading(CMP, { detectedBy, detail, choice: choiceMade ? { choiceMade, purposes } : noChoice(purposes) });
}
