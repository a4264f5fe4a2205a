// `tracking-before-consent`: tracking cookies or requests while the consent mechanism holds no choice yet.
// Raised in the `before-consent` phase (nobody touched the banner) unless the site's only recorded consent is a US
// opt-out framework's standing decision, or in a `browsing` visit whose recorded consent says no choice was made.
// A `browsing` visit with a recorded choice never raises it: timing within it is unknown.
// Consent Mode defaults are no consent mechanism (mechanism.ts): a site with nothing else gets `no-consent-mechanism`.
import type { RuleContext } from '../context.ts';
import { consentEvidence, cookieEvidence, requestEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { isOptOutStandingDecision, mechanismRecord } from '../mechanism.ts';
import { cookiesOf, requestsOf } from '../safe.ts';
import { cookieSubject, requestSubject } from '../subjects.ts';
import { TEXTS } from '../texts.ts';
import { consentPurposeOf, groupRequests, isTrackingCookie, isTrackingRequest, uniqueCookies } from '../tracking.ts';
import type { Finding } from '../../types.ts';

export function trackingBeforeConsent({ visit }: RuleContext): Finding[] {
  const recorded = mechanismRecord(visit);
  // After a phased check clicked the banner, what follows is `consent-ignored`'s to judge, not this rule's.
  // A US opt-out framework's standing decision is no pending choice, in a check as in browsing.
  const noChoiceYet =
    (visit.phase === 'before-consent' && !isOptOutStandingDecision(visit)) ||
    (visit.phase === 'browsing' && recorded !== null && recorded.choiceMade !== true);
  if (!noChoiceYet) return [];
  const phase = visit.phase;
  const consent = recorded ? [consentEvidence(recorded, phase)] : [];
  const findings: Finding[] = [];
  for (const cookie of uniqueCookies(cookiesOf(visit).filter(isTrackingCookie))) {
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
  for (const group of groupRequests(requestsOf(visit).filter(isTrackingRequest))) {
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
