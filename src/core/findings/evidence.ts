// Evidence items that point at things in the same report.
import { CONSENT_PURPOSES } from '../types.ts';
import type {
  EvidenceItem,
  ObservedCookie,
  ObservedRequest,
  Phase,
  PurposeMap,
  RecordedConsent,
} from '../types.ts';
import { MAX_EXAMPLES } from './tracking.ts';

export function cookieEvidence(cookie: ObservedCookie, phase: Phase): EvidenceItem {
  return { type: 'cookie', name: cookie.name, domain: cookie.domain, phase };
}

export function requestEvidence(requests: readonly ObservedRequest[], phase: Phase): EvidenceItem[] {
  const urls = [...new Set(requests.map((r) => r.url))].slice(0, MAX_EXAMPLES);
  return urls.map((url) => ({ type: 'request', url, phase }));
}

/** `at`: for a state from `consent.history`, when it was read */
export function consentEvidence(recorded: RecordedConsent, phase: Phase, at?: number): EvidenceItem {
  return {
    type: 'consent',
    source: String(recorded.source),
    choiceMade: recorded.choiceMade === true,
    purposes: copyPurposes(recorded.purposes),
    phase,
    ...(at !== undefined ? { at } : {}),
  };
}

/** Only boolean entries survive: the purposes map came from the page. */
export function copyPurposes(purposes: PurposeMap): PurposeMap {
  const copy: PurposeMap = {};
  for (const purpose of CONSENT_PURPOSES) {
    const value: unknown = purposes[purpose];
    if (typeof value === 'boolean') copy[purpose] = value;
  }
  return copy;
}
