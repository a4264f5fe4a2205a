// `undeclared-third-party`: a third party receives tracking requests but is not among the declared recipients.
// Only when the site declares recipients at all; compared by registrable domain, one finding per site. Third parties
// that do not track (CDNs, fonts, hosting, consent managers) are left out: declarations list data recipients, and
// a font host is not what a visitor is warned about.
import { siteOf } from '../../party.ts';
import type { Finding, ObservedRequest } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { requestEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { recipientsOf, requestsOf } from '../safe.ts';
import { requestSubject } from '../subjects.ts';
import { TEXTS } from '../texts.ts';
import { groupRequests, isTrackingRequest } from '../tracking.ts';

export function undeclaredThirdParty({ visit, site }: RuleContext): Finding[] {
  const recipients = recipientsOf(visit);
  if (recipients === null) return [];
  const declared = new Set(recipients.map((r) => siteOf(r.trim().toLowerCase())).filter((r) => r !== ''));
  const bySite = new Map<string, ObservedRequest[]>();
  for (const request of requestsOf(visit)) {
    if (request.party !== 'third' || !isTrackingRequest(request)) continue;
    const requestSite = typeof request.site === 'string' ? request.site.toLowerCase() : '';
    if (requestSite === '' || requestSite === site || declared.has(requestSite)) continue;
    bySite.set(requestSite, [...(bySite.get(requestSite) ?? []), request]);
  }
  const findings: Finding[] = [];
  for (const [requestSite, requests] of bySite) {
    const group = groupRequests(requests)[0];
    if (!group) continue;
    const subject = { ...requestSubject(group), count: requests.length };
    findings.push(
      finding(
        'undeclared-third-party',
        'medium',
        visit.phase,
        TEXTS.undeclaredThirdParty(subject, requestSite),
        [...requestEvidence(requests, visit.phase), { type: 'declaration', source: 'recipients' }],
        group.purpose,
      ),
    );
  }
  return findings;
}
