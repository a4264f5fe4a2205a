// `identifier-shared`: the value of a first-party cookie that looks like an identifier appears (raw, URL-encoded or
// base64) in a request to a third party. One finding per cookie and receiving site. A value that also appears in the
// page URL is skipped: third parties receive the page URL anyway, so that is not the cookie being shared.
import type { Finding, ObservedCookie, ObservedRequest } from '../../types.ts';
import { isConsentCookie } from '../consent-cookie.ts';
import type { RuleContext } from '../context.ts';
import { cookieEvidence, requestEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { identifierCandidates, urlCarries } from '../identifier.ts';
import { cookiesOf, requestsOf } from '../safe.ts';
import { requestSubject } from '../subjects.ts';
import { TEXTS } from '../texts.ts';
import { groupRequests, uniqueCookies } from '../tracking.ts';

export function identifierShared({ visit }: RuleContext): Finding[] {
  const pageUrl = typeof visit.url === 'string' ? visit.url : '';
  const thirdParty = requestsOf(visit).filter((r) => r.party === 'third' && typeof r.url === 'string');
  if (thirdParty.length === 0) return [];
  const findings: Finding[] = [];
  const firstParty = uniqueCookies(cookiesOf(visit)).filter(
    (c) => c.party === 'first' && typeof c.value === 'string' && !isConsentCookie(c.name),
  );
  for (const cookie of firstParty) {
    const candidates = identifierCandidates(cookie.value ?? '').filter((v) => !urlCarries(pageUrl, v));
    if (candidates.length === 0) continue;
    const bySite = new Map<string, ObservedRequest[]>();
    for (const request of thirdParty) {
      if (!candidates.some((v) => urlCarries(request.url, v))) continue;
      bySite.set(request.site, [...(bySite.get(request.site) ?? []), request]);
    }
    for (const [site, requests] of bySite) findings.push(shared(cookie, site, requests, visit.phase));
  }
  return findings;
}

function shared(cookie: ObservedCookie, site: string, requests: ObservedRequest[], phase: RuleContext['visit']['phase']): Finding {
  const group = groupRequests(requests)[0];
  const subject = group
    ? { ...requestSubject(group), count: requests.length }
    : { label: site, organization: null, purpose: 'unknown' as const, count: requests.length };
  return finding(
    'identifier-shared',
    'medium',
    phase,
    TEXTS.identifierShared(cookie.name, subject, site),
    [cookieEvidence(cookie, phase), ...requestEvidence(requests, phase)],
    group?.purpose ?? null,
  );
}
