// What counts as a consent mechanism: something a visitor can give or refuse consent through. A CMP, a TCF or GPP
// CMP, or a recorded consent from one of them or the US Privacy string. Google Consent Mode alone is not one: it is
// the Google tags' own setting (`readDeclared` records its defaults as `consent-mode` with no choice made when
// nothing else records consent), and no visitor ever saw a banner for it.
import type { ConsentMoment, RecordedConsent, Visit } from '../types.ts';
import { consentHistoryOf, recordedOf, signalsOf, sourcesOf } from './safe.ts';

const MECHANISM_SOURCES: ReadonlySet<string> = new Set(['cmp', 'tcf', 'gpp']);

/** The visit's recorded consent if it comes from a consent mechanism (not Consent Mode defaults), else null. */
export function mechanismRecord(visit: Visit): RecordedConsent | null {
  const recorded = recordedOf(visit);
  return recorded && recorded.source !== 'consent-mode' ? recorded : null;
}

export function hasConsentMechanism(visit: Visit): boolean {
  return mechanismRecord(visit) !== null || sourcesOf(visit).some((s) => MECHANISM_SOURCES.has(s.kind));
}

/**
 * The recorded consent is a US opt-out framework's standing decision (US Privacy string, or a GPP US section with
 * no TCF section deciding): no choice is pending in an opt-out regime (declared/usp.ts), so tracking is not "before
 * consent" there; an opt-out it records is a refusal that `consent-ignored` checks.
 */
export function isOptOutStandingDecision(visit: Visit): boolean {
  const recorded = mechanismRecord(visit);
  if (recorded === null || recorded.choiceMade !== true) return false;
  const onlyAdvertising = Object.keys(recorded.purposes).every((p) => p === 'advertising') && recorded.purposes.advertising !== true;
  if (recorded.source === 'usp') return onlyAdvertising;
  if (recorded.source !== 'gpp') return false;
  return onlyAdvertising && signalsOf(visit).some((s) => s.source === 'gpp' && typeof s.optedOut === 'boolean');
}

/**
 * A choice the site recorded during this visit: the visit began with the consent mechanism holding no choice (the
 * first moments of `consent.history`) and it holds one now. Returns the last moment the site was seen holding no
 * choice before any choice: what was observed up to then happened while no choice had been made. Null when the
 * visit began with a choice (a returning visitor), when none is recorded now, or when the page was never read.
 */
export function undecidedUntil(visit: Visit): ConsentMoment | null {
  const recorded = mechanismRecord(visit);
  if (recorded === null || recorded.choiceMade !== true) return null;
  let last: ConsentMoment | null = null;
  for (const moment of consentHistoryOf(visit)) {
    if (moment.source === 'consent-mode') continue;
    if (moment.choiceMade) break;
    last = moment;
  }
  return last;
}
