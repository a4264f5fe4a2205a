// Complianz (WordPress): metadata-formats.md §6.6.
// Choice: cookies `cmplz_<category>` = allow|deny (functional, preferences, statistics, marketing; the prefix is
// configurable) + `cmplz_banner-status=dismissed`; legacy `cmplz_choice=set`, `complianz_consent_status=allow|deny|dismiss`.
// Live: globals.complianz.settings (the `complianz` object: prefix, consenttype) and .hasConsent (cmplz_has_consent()).
// Complianz's "functional" is its always-on category (→ necessary, see purposes.ts).
import type { PurposeMap } from '../../types.ts';
import { type CmpInput, type CmpReading, makeReading, noChoice } from './reading.ts';
import { entries, findCookie, flag, get, isRecord, matchScript, PurposeFold, str, withNecessary } from './util.ts';

const CMP = 'complianz';
const PATHS = ['/plugins/complianz-gdpr', '/plugins/complianz-gdpr-premium', '/plugins/complianz-terms-conditions'];
const CATEGORIES = ['functional', 'preferences', 'statistics', 'statistics-anonymous', 'marketing'];

export function readComplianz(input: CmpInput): CmpReading | null {
  const g = get(input.globals, CMP);
  const settings = get(g, 'settings');
  const configured = str(get(settings, 'prefix'), 40);
  const prefix = configured && /^[\w-]+$/.test(configured) ? configured : 'cmplz_';
  const ours = input.cookies.filter((c) => c.name.startsWith(prefix) || c.name.startsWith('complianz_')).slice(0, 100);
  const detectedBy: string[] = [];
  if (ours.length > 0) detectedBy.push(`cookie:${prefix}*`);
  if (isRecord(g)) detectedBy.push(`global:${CMP}`);
  const script = matchScript(input.scripts, [], PATHS);
  if (script) detectedBy.push(`script:${script}`);
  if (detectedBy.length === 0) return null;

  const status = findCookie(ours, `${prefix}banner-status`)?.value;
  const legacyChoice = findCookie(ours, `${prefix}choice`)?.value;
  const legacyStatus = findCookie(ours, 'complianz_consent_status')?.value;
  const choiceMade =
    status === 'dismissed' || legacyChoice === 'set' || ['allow', 'deny', 'dismiss'].includes(legacyStatus ?? '');
  const detail: Record<string, unknown> = { prefix };
  const consentType = str(get(settings, 'consenttype'), 40);
  if (consentType) detail.consentType = consentType;
  if (status !== undefined) detail.bannerStatus = status.slice(0, 40);

  const fold = new PurposeFold();
  let seen = 0;
  for (const category of CATEGORIES) {
    const value = flag(findCookie(ours, `${prefix}${category}`)?.value);
    if (value === undefined) continue;
    seen += 1;
    fold.term(CMP, category, value);
  }
  if (seen === 0 && legacyStatus !== undefined) {
    detail.legacy = 'complianz_consent_status';
    const all = legacyStatus === 'allow';
    if (legacyStatus === 'allow' || legacyStatus === 'deny') for (const c of ['preferences', 'statistics', 'marketing']) fold.term(CMP, c, all);
    seen = 1;
  }
  if (seen === 0) {
    for (const [category, value] of entries(get(g, 'hasConsent'), 20)) {
      const granted = flag(value);
      if (granted === undefined) continue;
      seen += 1;
      fold.term(CMP, category, granted);
    }
  }
  if (seen === 0 && !choiceMade) return makeReading(CMP, { detectedBy, detail, choice: noChoice(defaults(consentType)) });
  const purposes = withNecessary(fold.purposes);
  return makeReading(CMP, { detectedBy, detail, choice: choiceMade ? { choiceMade, purposes } : noChoice(purposes) });
}

/** Opt-out regions (US) run everything until the visitor objects; opt-in regions only the functional category. */
function defaults(consentType: string | undefined): PurposeMap {
  if (consentType === 'optout') return { functional: true, analytics: true, advertising: true };
  return {};
}
