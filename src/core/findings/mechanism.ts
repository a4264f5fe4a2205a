// What counts as a consent mechanism: something a visitor can give or refuse consent through. A CMP, a TCF or GPP
// CMP, or a recorded consent from one of them or the US Privacy string. Google Consent Mode alone is not one: it is
// the Google tags' own setting (`readDeclared` records its defaults as `consent-mode` with no choice made when
// nothing else records consent), and no visitor ever saw a banner for it.
import type { RecordedConsent, Visit } from '../types.ts';
import { recordedOf, sourcesOf } from './safe.ts';

const MECHANISM_SOURCES: ReadonlySet<string> = new Set(['cmp', 'tcf', 'gpp']);

/** The visit's recorded consent if it comes from a consent mechanism (not Consent Mode defaults), else null. */
export function mechanismRecord(visit: Visit): RecordedConsent | null {
  const recorded = recordedOf(visit);
  return recorded && recorded.source !== 'consent-mode' ? recorded : null;
}

export function hasConsentMechanism(visit: Visit): boolean {
  return mechanismRecord(visit) !== null || sourcesOf(visit).some((s) => MECHANISM_SOURCES.has(s.kind));
}
