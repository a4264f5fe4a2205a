// Evidence items that point at things in the same report.
import { copyPurposes } from '../purposes.ts';
import type { EvidenceItem, ObservedCookie, ObservedRequest, Phase, RecordedConsent } from '../types.ts';
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
