// Consent management platforms: which ones a page runs, what each recorded for this visitor, and which cookies each
// declares. One reader per CMP (./<name>.ts); this file is the agreed entry point for the declared-practices aggregator.
import { readComplianz } from './complianz.ts';
import { readCookiebot } from './cookiebot.ts';
import { readCookieConsent } from './cookieconsent.ts';
import { readCookieYes } from './cookieyes.ts';
import { readDidomi } from './didomi.ts';
import { readKlaro } from './klaro.ts';
import { readOneTrust } from './onetrust.ts';
import { readOsano } from './osano.ts';
import type { CmpInput, CmpReading } from './reading.ts';
import { readTrustArc } from './trustarc.ts';
import { readUsercentrics } from './usercentrics.ts';

export type { CmpInput, CmpReading } from './reading.ts';
export { parseRetention, isSessionRetention } from './retention.ts';

/** The readers in the order their readings are returned. */
export const CMP_READERS: readonly (readonly [string, (input: CmpInput) => CmpReading | null])[] = [
  ['onetrust', readOneTrust],
  ['cookiebot', readCookiebot],
  ['cookieyes', readCookieYes],
  ['didomi', readDidomi],
  ['usercentrics', readUsercentrics],
  ['complianz', readComplianz],
  ['klaro', readKlaro],
  ['cookieconsent', readCookieConsent],
  ['osano', readOsano],
  ['trustarc', readTrustArc],
];

/** One reading per CMP detected on the page (several CMPs at once do happen: migrations, embedded widgets). Never throws. */
export function readCmps(input: CmpInput): CmpReading[] {
  const safe: CmpInput = {
    cookies: Array.isArray(input.cookies) ? input.cookies.filter(isPageCookie).slice(0, 2000) : [],
    storage: input.storage !== null && typeof input.storage === 'object' ? input.storage : {},
    globals: input.globals !== null && typeof input.globals === 'object' ? input.globals : {},
    scripts: Array.isArray(input.scripts) ? input.scripts.filter((s): s is string => typeof s === 'string').slice(0, 1000) : [],
  };
  const out: CmpReading[] = [];
  for (const [cmp, read] of CMP_READERS) {
    try {
      const reading = read(safe);
      if (reading) out.push(reading);
    } catch (e) {
      // A reader bug must not cost the other readings; report it as an invalid source.
      out.push({
        cmp,
        source: { kind: 'cmp', valid: false, detail: { cmp }, error: `reader failed: ${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'}` },
        recorded: null,
        cookies: [],
        signals: [],
      });
    }
  }
  return out;
}

function isPageCookie(c: unknown): c is CmpInput['cookies'][number] {
  if (typeof c !== 'object' || c === null) return false;
  const r = c as Record<string, unknown>;
  return typeof r.name === 'string' && typeof r.value === 'string';
}
