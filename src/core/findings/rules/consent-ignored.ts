// `consent-ignored`: a tracking cookie set or a tracking request made, for a purpose that was refused, after the refusal.
// Cookies the site removed are not evidence: deleting them is how a site honours a refusal. Nor are cookies merely
// still stored from before the refusal and not set again (`preexisting`): the requests that carry them are.
import type { RuleContext } from '../context.ts';
import { cookieEvidence, requestEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { refusalOf } from '../refusal.ts';
import { atOf, cookiesOf, requestsOf } from '../safe.ts';
import { cookieSubject, requestSubject } from '../subjects.ts';
import { TEXTS } from '../texts.ts';
import { consentPurposeOf, groupRequests, isTrackingCookie, isTrackingRequest, requestPurpose, uniqueCookies } from '../tracking.ts';
import type { Finding } from '../../types.ts';

export function consentIgnored({ visit }: RuleContext): Finding[] {
  const refusal = refusalOf(visit);
  if (!refusal) return [];
  const phase = visit.phase;
  const findings: Finding[] = [];
  const cookies = cookiesOf(visit).filter(
    (c) =>
      isTrackingCookie(c) && refusal.purposes.has(consentPurposeOf(c)) && c.removed !== true && c.preexisting !== true && atOf(c) > refusal.after,
  );
  for (const cookie of uniqueCookies(cookies)) {
    findings.push(
      finding(
        'consent-ignored',
        'high',
        phase,
        TEXTS.consentIgnoredCookie(cookieSubject(cookie, consentPurposeOf(cookie)), refusal.source),
        [refusal.evidence, cookieEvidence(cookie, phase)],
        consentPurposeOf(cookie),
      ),
    );
  }
  const requests = requestsOf(visit).filter((r) => {
    const purpose = requestPurpose(r);
    return isTrackingRequest(r) && purpose !== null && refusal.purposes.has(purpose) && atOf(r) > refusal.after;
  });
  for (const group of groupRequests(requests)) {
    findings.push(
      finding(
        'consent-ignored',
        'high',
        phase,
        TEXTS.consentIgnoredRequests(requestSubject(group), refusal.source),
        [refusal.evidence, ...requestEvidence(group.requests, phase)],
        group.purpose,
      ),
    );
  }
  return findings;
}
