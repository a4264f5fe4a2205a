// `unexpected-purpose`: a tracker receives requests, or a cookie is stored, for a purpose the site owner's
// candor.config.json does not expect. One finding per tracker and per cookie. Only when `expect.purposes` is
// configured. A purpose Candor could not tell (`unknown`) is never "unexpected": there is nothing to compare, and
// a consent manager's own record is the consent mechanism, not a purpose of the site.
import type { Finding, ObservedRequest, Purpose } from '../../types.ts';
import { isConsentCookie } from '../consent-cookie.ts';
import type { RuleContext } from '../context.ts';
import { cookieEvidence, requestEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { cookiesOf, requestsOf } from '../safe.ts';
import { cookieSubject, requestSubject } from '../subjects.ts';
import { TEXTS } from '../texts.ts';
import { groupRequests, uniqueCookies } from '../tracking.ts';
import { CONFIG_SOURCE } from './unexpected-third-party.ts';

/** A request to a tracker, seen as the site's: third-party, or first-party only when CNAME-cloaked. */
function isTrackerRequest(request: ObservedRequest): boolean {
  if (!request.tracker) return false;
  return request.party === 'third' || (typeof request.cname === 'string' && request.cname !== '');
}

export function unexpectedPurpose({ visit, expectations }: RuleContext): Finding[] {
  const list = expectations?.purposes;
  if (!Array.isArray(list)) return [];
  const expected: readonly Purpose[] = list;
  const unexpected = (purpose: unknown): purpose is Purpose =>
    typeof purpose === 'string' && purpose !== 'unknown' && !(expected as readonly string[]).includes(purpose);
  const declaration = { type: 'declaration', source: CONFIG_SOURCE } as const;
  const findings: Finding[] = [];
  const requests = requestsOf(visit).filter((r) => isTrackerRequest(r) && unexpected(r.tracker?.purpose));
  for (const group of groupRequests(requests)) {
    if (!unexpected(group.purpose)) continue;
    findings.push(
      finding(
        'unexpected-purpose',
        'medium',
        visit.phase,
        TEXTS.unexpectedPurposeRequests(requestSubject(group), expected),
        [...requestEvidence(group.requests, visit.phase), declaration],
        group.purpose,
      ),
    );
  }
  for (const cookie of uniqueCookies(cookiesOf(visit))) {
    if (!unexpected(cookie.purpose) || isConsentCookie(cookie.name)) continue;
    findings.push(
      finding(
        'unexpected-purpose',
        'medium',
        visit.phase,
        TEXTS.unexpectedPurposeCookie(cookieSubject(cookie), expected),
        [cookieEvidence(cookie, visit.phase), declaration],
        cookie.purpose,
      ),
    );
  }
  return findings;
}
