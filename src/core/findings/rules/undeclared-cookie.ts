// `undeclared-cookie`: an observed cookie that the site's own cookie declaration (CMP list, DPV, …) does not list.
// Only when the site declares any cookies. Exempt: the consent manager's own consent cookie (a CMP rarely lists it)
// and cookies classified necessary or functional — the technical cookies a site needs to work (sessions, sign-in,
// load balancing, security tokens, preferences), which need no consent and which declarations list unevenly — so the
// finding is about cookies a visitor would want to have been told about: tracking cookies and unknown ones.
import type { Finding } from '../../types.ts';
import { isConsentCookie } from '../consent-cookie.ts';
import type { RuleContext } from '../context.ts';
import { matchDeclared } from '../declared-cookie-match.ts';
import { cookieEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { cookiesOf, declaredCookiesOf } from '../safe.ts';
import { cookieSubject } from '../subjects.ts';
import { TEXTS } from '../texts.ts';
import { uniqueCookies } from '../tracking.ts';

export function undeclaredCookie({ visit }: RuleContext): Finding[] {
  const declared = declaredCookiesOf(visit);
  if (declared.length === 0) return [];
  const sources = [...new Set(declared.map((d) => String(d.source)))].slice(0, 3);
  const findings: Finding[] = [];
  for (const cookie of uniqueCookies(cookiesOf(visit))) {
    if (isConsentCookie(cookie.name) || cookie.purpose === 'necessary' || cookie.purpose === 'functional') continue;
    if (matchDeclared(declared, cookie).length > 0) continue;
    findings.push(
      finding(
        'undeclared-cookie',
        'medium',
        visit.phase,
        TEXTS.undeclaredCookie(cookieSubject(cookie), sources),
        [cookieEvidence(cookie, visit.phase), ...sources.map((source) => ({ type: 'declaration' as const, source }))],
        cookie.purpose,
      ),
    );
  }
  return findings;
}
