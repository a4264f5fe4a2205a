// `unexpected-third-party`: a third party that the site owner's candor.config.json does not expect receives requests.
// Any third party (fonts and CDNs too: the owner pins the whole list), compared by registrable domain, one finding per
// site with example requests. Only when `expect.thirdParties` is configured.
import { siteOf } from '../../party.ts';
import type { Finding, ObservedRequest, Purpose } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { requestEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { requestsOf } from '../safe.ts';
import { requestSubject } from '../subjects.ts';
import { TEXTS } from '../texts.ts';
import { groupRequests } from '../tracking.ts';

export const CONFIG_SOURCE = 'candor.config.json';

/** `*.Example.com.` → `example.com`: the domain an entry names, without the wildcard. */
function entryDomain(entry: string): string {
  return entry.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

/**
 * Whether a configured entry allows a request's registrable domain. Plain and `*.` entries mean the same: the entry's
 * registrable domain (`www.google-analytics.com` → `google-analytics.com`) and every site under the entry
 * (`*.googleapis.com` allows `fonts.googleapis.com`, a registrable domain of its own under a private suffix).
 */
export function allowsSite(entries: readonly string[], requestSite: string): boolean {
  const site = requestSite.toLowerCase();
  if (site === '') return false;
  return entries.some((entry) => {
    const domain = entryDomain(entry);
    return domain !== '' && (site === domain || site.endsWith(`.${domain}`) || site === siteOf(domain));
  });
}

function requestSiteOf(request: ObservedRequest): string {
  const site = typeof request.site === 'string' && request.site !== '' ? request.site : siteOf(String(request.url ?? ''));
  return site.toLowerCase();
}

export function unexpectedThirdParty({ visit, site, expectations }: RuleContext): Finding[] {
  const allowed = expectations?.thirdParties;
  if (!Array.isArray(allowed)) return [];
  const bySite = new Map<string, ObservedRequest[]>();
  for (const request of requestsOf(visit)) {
    if (request.party !== 'third') continue;
    const requestSite = requestSiteOf(request);
    if (requestSite === '' || requestSite === site || allowsSite(allowed, requestSite)) continue;
    bySite.set(requestSite, [...(bySite.get(requestSite) ?? []), request]);
  }
  const findings: Finding[] = [];
  for (const [requestSite, requests] of bySite) {
    const groups = groupRequests(requests);
    // the tracker (if any) names the company; otherwise the site speaks for itself
    const group = groups.find((g) => g.purpose !== null) ?? groups[0];
    if (!group) continue;
    const purpose: Purpose | null = group.purpose;
    const subject = { ...requestSubject(group), count: requests.length };
    findings.push(
      finding(
        'unexpected-third-party',
        'medium',
        visit.phase,
        TEXTS.unexpectedThirdParty(subject, requestSite),
        [...requestEvidence(requests, visit.phase), { type: 'declaration', source: CONFIG_SOURCE }],
        purpose,
      ),
    );
  }
  return findings;
}
