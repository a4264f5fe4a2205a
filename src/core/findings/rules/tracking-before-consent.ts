// `tracking-before-consent`: tracking cookies or requests while the consent mechanism holds no choice yet.
// Raised in the `before-consent` phase (nobody touched the banner) unless the site's only recorded consent is a US
// opt-out framework's standing decision, and in a `browsing` visit:
// - whose recorded consent says no choice was made: everything observed so far;
// - that began with no choice recorded and holds one now (the visitor chose during the visit): what was observed up
//   to the last moment the page was read with no choice made (`consent.history`), judged against that moment's
//   state. What came after it is `consent-ignored`'s to judge, against the choice.
// A `browsing` visit that began with a choice (a returning visitor) never raises it.
// Consent Mode defaults are no consent mechanism (mechanism.ts): a site with nothing else gets `no-consent-mechanism`.
import type { RuleContext } from '../context.ts';
import { consentEvidence, cookieEvidence, requestEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { isOptOutStandingDecision, mechanismRecord, undecidedUntil } from '../mechanism.ts';
import { atOf, cookiesOf, requestsOf } from '../safe.ts';
import { cookieSubject, requestSubject } from '../subjects.ts';
import { TEXTS } from '../texts.ts';
import { consentPurposeOf, groupRequests, isTrackingCookie, isTrackingRequest, uniqueCookies } from '../tracking.ts';
import type { EvidenceItem, Finding, ObservedCookie, Visit } from '../../types.ts';

/** The consent state the tracking is judged against, and until when (ms since the visit started). */
function undecided(visit: Visit): { consent: EvidenceItem[]; until: number } | null {
  const recorded = mechanismRecord(visit);
  const phase = visit.phase;
  // After a phased check clicked the banner, what follows is `consent-ignored`'s to judge, not this rule's.
  // A US opt-out framework's standing decision is no pending choice, in a check as in browsing.
  if (phase === 'before-consent' && !isOptOutStandingDecision(visit)) {
    return { consent: recorded ? [consentEvidence(recorded, phase)] : [], until: Number.POSITIVE_INFINITY };
  }
  if (phase !== 'browsing' || recorded === null) return null;
  if (recorded.choiceMade !== true) return { consent: [consentEvidence(recorded, phase)], until: Number.POSITIVE_INFINITY };
  const moment = undecidedUntil(visit);
  return moment ? { consent: [consentEvidence(moment, phase, moment.at)], until: moment.at } : null;
}

export function trackingBeforeConsent({ visit }: RuleContext): Finding[] {
  const state = undecided(visit);
  if (!state) return [];
  const { consent, until } = state;
  const phase = visit.phase;
  const findings: Finding[] = [];
  // a cookie counts from when it first appeared: rewritten since (a tag extending its expiry) or removed since (a
  // consent manager clearing what it should not have let in), it was still set before the choice
  const firstAt = (c: ObservedCookie): number => (typeof c.firstAt === 'number' && Number.isFinite(c.firstAt) ? c.firstAt : atOf(c));
  for (const cookie of uniqueCookies(cookiesOf(visit).filter((c) => isTrackingCookie(c) && firstAt(c) <= until))) {
    findings.push(
      finding(
        'tracking-before-consent',
        'high',
        phase,
        TEXTS.trackingBeforeConsentCookie(cookieSubject(cookie, consentPurposeOf(cookie)), phase),
        [cookieEvidence(cookie, phase), ...consent],
        consentPurposeOf(cookie),
      ),
    );
  }
  for (const group of groupRequests(requestsOf(visit).filter((r) => isTrackingRequest(r) && atOf(r) <= until))) {
    findings.push(
      finding(
        'tracking-before-consent',
        'high',
        phase,
        TEXTS.trackingBeforeConsentRequests(requestSubject(group), phase),
        [...requestEvidence(group.requests, phase), ...consent],
        group.purpose,
      ),
    );
  }
  return findings;
}
