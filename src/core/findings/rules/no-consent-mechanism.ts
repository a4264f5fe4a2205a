// `no-consent-mechanism`: tracking is observed and the site exposes no consent mechanism Candor recognises: no recorded
// consent and no CMP, TCF or GPP source in any visit of the report (Consent Mode defaults alone are no mechanism:
// see mechanism.ts). Raised once per report, in the first visit that
// tracks (a CMP detected in one phase is the site's mechanism in all of them).
import type { EvidenceItem, Finding, Visit } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { cookieEvidence, requestEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { hasConsentMechanism } from '../mechanism.ts';
import { cookiesOf, requestsOf } from '../safe.ts';
import { TEXTS } from '../texts.ts';
import { MAX_EXAMPLES, groupRequests, isTrackingCookie, isTrackingRequest, uniqueCookies } from '../tracking.ts';

function tracking(visit: Visit) {
  return {
    cookies: uniqueCookies(cookiesOf(visit).filter(isTrackingCookie)),
    groups: groupRequests(requestsOf(visit).filter(isTrackingRequest)),
  };
}

function tracks(visit: Visit): boolean {
  const { cookies, groups } = tracking(visit);
  return cookies.length > 0 || groups.length > 0;
}

export function noConsentMechanism({ visit, visits }: RuleContext): Finding[] {
  const all = visits.includes(visit) ? visits : [...visits, visit];
  if (all.some(hasConsentMechanism)) return [];
  if (all.find(tracks) !== visit) return [];
  const { cookies, groups } = tracking(visit);
  const evidence: EvidenceItem[] = [
    ...groups.flatMap((g) => requestEvidence(g.requests, visit.phase).slice(0, 1)),
    ...cookies.map((c) => cookieEvidence(c, visit.phase)),
  ].slice(0, MAX_EXAMPLES * 2);
  const labels = [...groups.map((g) => g.label), ...cookies.map((c) => `cookie ${c.name}`)];
  const shown = labels.length > 4 ? [...labels.slice(0, 4), `${labels.length - 4} more`] : labels;
  return [
    finding(
      'no-consent-mechanism',
      'medium',
      visit.phase,
      TEXTS.noConsentMechanism(shown, groups.length + cookies.length),
      evidence,
    ),
  ];
}
