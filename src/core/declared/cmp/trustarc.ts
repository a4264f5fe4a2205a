// TrustArc (TRUSTe): metadata-formats.md §6.10.
// Choice: `notice_gdpr_prefs=0,1,2:` (consented buckets, 0-based), `notice_preferences=2:` (highest consented level,
// 0-based, levels are cumulative); `cmapi_cookie_privacy=permit 1,2,3` (1-based, also written for implied consent);
// `notice_behavior=implied,us|expressed,eu` = the regime. Default buckets: 1 required, 2 functional, 3 advertising.
// Live: globals.trustarc {prefCookie (truste.eu.bindMap.prefCookie; undefined = no choice), behavior, consentDecision}.
import { type CmpInput, type CmpReading, makeReading, noChoice } from './reading.ts';
import { decode, findCookie, get, isRecord, matchScript, PurposeFold, str, withNecessary } from './util.ts';

const CMP = 'trustarc';
const HOSTS = ['trustarc.com', 'truste.com'];
const NAMES = ['notice_gdpr_prefs', 'notice_preferences', 'cmapi_cookie_privacy', 'notice_behavior', 'TAconsentID'];
const DEFAULT_BUCKETS = 3;

export function readTrustArc(input: CmpInput): CmpReading | null {
  const g = get(input.globals, CMP);
  const found = new Map(NAMES.flatMap((n) => {
    const c = findCookie(input.cookies, n);
    return c ? [[n, decode(c.value) ?? '\u0000'] as const] : [];
  }));
  const detectedBy: string[] = [...found.keys()].map((n) => `cookie:${n}`);
  if (isRecord(g)) detectedBy.push(`global:${CMP}`);
  const script = matchScript(input.scripts, HOSTS);
  if (script) detectedBy.push(`script:${script}`);
  if (detectedBy.length === 0) return null;

  const behavior = found.get('notice_behavior') ?? str(get(g, 'behavior'), 100);
  const detail: Record<string, unknown> = {};
  if (behavior !== undefined) detail.behavior = behavior.slice(0, 100);

  // Consented buckets, 1-based, from the most specific record present.
  let buckets: Set<number> | null = null;
  let from: string | null = null;
  let choiceMade = false;
  const gdpr = found.get('notice_gdpr_prefs');
  const prefs = found.get('notice_preferences') ?? str(get(g, 'prefCookie'), 100);
  const cmapi = found.get('cmapi_cookie_privacy');
  if (gdpr !== undefined) {
    const list = numbers(gdpr.split(':')[0] ?? '');
    if (list === null) return makeReading(CMP, { detectedBy, detail, choice: null, error: 'notice_gdpr_prefs is not a list of bucket numbers' });
    buckets = new Set(list.map((n) => n + 1));
    [from, choiceMade] = ['notice_gdpr_prefs', true];
  } else if (prefs !== undefined) {
    const level = Number.parseInt(prefs.split(':')[0] ?? '', 10);
    if (!Number.isInteger(level) || level < 0 || level > 20) {
      return makeReading(CMP, { detectedBy, detail, choice: null, error: 'notice_preferences is not a level number' });
    }
    buckets = new Set(Array.from({ length: level + 1 }, (_, i) => i + 1));
    [from, choiceMade] = ['notice_preferences', true];
  } else if (cmapi !== undefined) {
    // "permit 1,2,3", "permit 1 required", "permit_1_required"
    const list = numbers((/^permit[ _]?([\d,\s]*)/i.exec(cmapi.trim())?.[1] ?? '').replace(/[\s_]+$/, ''));
    if (list === null || list.length === 0) {
      return makeReading(CMP, { detectedBy, detail, choice: null, error: 'cmapi_cookie_privacy is not "permit <buckets>"' });
    }
    buckets = new Set(list);
    from = 'cmapi_cookie_privacy';
  }
  if (from) detail.from = from;

  if (buckets === null) {
    // Nothing stored: the regime decides. Implied (US) counts everything as permitted until the visitor objects.
    const implied = /^implied/i.test(behavior ?? '');
    const all = Array.from({ length: DEFAULT_BUCKETS }, (_, i) => i + 1);
    buckets = new Set(implied ? all : [1]);
    if (get(get(g, 'consentDecision'), 'source') === 'asserted') choiceMade = true;
  }
  const fold = new PurposeFold();
  const highest = Math.max(DEFAULT_BUCKETS, ...buckets);
  for (let b = 1; b <= Math.min(highest, 20); b++) fold.term(CMP, String(b), buckets.has(b));
  const purposes = withNecessary(fold.purposes);
  return makeReading(CMP, { detectedBy, detail, choice: choiceMade ? { choiceMade, purposes } : noChoice(purposes) });
}

/** "0,1,2" → [0,1,2]; null when an item is not a small non-negative integer. */
function numbers(text: string): number[] | null {
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length > 20 || items.some((s) => !/^\d{1,2}$/.test(s))) return null;
  return items.map(Number);
}
