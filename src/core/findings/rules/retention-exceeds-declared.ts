// `retention-exceeds-declared`: a cookie lives at least 1.5× longer than its declared retention: the cookie-level
// declaration where one matches (the longest, if several), else the site-level retention. The site-level value (DPV's
// storage duration of a processing) is what the site says it keeps collected data for: it is compared with first-party
// cookies only (a third party's cookie lifetime is not what the site's own retention statement covers), and never with
// a consent manager's own cookie (it keeps the visitor's choice, not collected data). Evidence and explanation say
// which level was used. A declared retention of 0 means "session": a persistent cookie of a day or more then exceeds it.
import type { DeclaredSourceKind, EvidenceItem, Finding, Visit } from '../../types.ts';
import { isConsentCookie } from '../consent-cookie.ts';
import type { RuleContext } from '../context.ts';
import { matchDeclared } from '../declared-cookie-match.ts';
import { cookieEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { cookiesOf, declaredCookiesOf, siteRetentionOf, sourcesOf } from '../safe.ts';
import { TEXTS } from '../texts.ts';
import { uniqueCookies } from '../tracking.ts';

const FACTOR = 1.5;
const SESSION_GRACE_SECONDS = 86400;

export function exceeds(lifetime: number, declared: number): boolean {
  return declared > 0 ? lifetime >= declared * FACTOR : lifetime >= SESSION_GRACE_SECONDS;
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Where the site-level retention was declared: a valid DPV source is the only reader that gives one. */
function siteRetentionSource(visit: Visit): DeclaredSourceKind | null {
  return sourcesOf(visit).some((s) => s.kind === 'dpv' && s.valid === true) ? 'dpv' : null;
}

export function retentionExceedsDeclared({ visit }: RuleContext): Finding[] {
  const declared = declaredCookiesOf(visit);
  const siteRetention = siteRetentionOf(visit);
  const siteSource = siteRetentionSource(visit);
  const findings: Finding[] = [];
  for (const cookie of uniqueCookies(cookiesOf(visit))) {
    const lifetime = cookie.lifetimeSeconds;
    if (cookie.session === true || cookie.removed === true || !isSeconds(lifetime)) continue;
    // a declaration marked `session` without a retention declares 0 seconds
    const withRetention = matchDeclared(declared, cookie)
      .map((d) => (d.session === true && !isSeconds(d.retentionSeconds) ? { ...d, retentionSeconds: 0 } : d))
      .filter((d) => isSeconds(d.retentionSeconds));
    const longest = withRetention.reduce<(typeof withRetention)[number] | null>(
      (best, d) => (best === null || (d.retentionSeconds ?? 0) > (best.retentionSeconds ?? 0) ? d : best),
      null,
    );
    let limit: number;
    let declaration: EvidenceItem;
    let source: string | null;
    if (longest && isSeconds(longest.retentionSeconds)) {
      limit = longest.retentionSeconds;
      source = String(longest.source);
      declaration = { type: 'declaration', source, name: longest.name, retentionSeconds: limit };
    } else if (isSeconds(siteRetention) && cookie.party === 'first' && !isConsentCookie(cookie.name)) {
      limit = siteRetention;
      source = null;
      // `site-retention` (no `name`): no cookie-level declaration matched, the site's general statement was used
      declaration = { type: 'declaration', source: 'site-retention', retentionSeconds: limit };
    } else continue;
    if (!exceeds(lifetime, limit)) continue;
    findings.push(
      finding(
        'retention-exceeds-declared',
        'medium',
        visit.phase,
        source === null
          ? TEXTS.retentionExceedsSiteRetention(cookie.name, lifetime, limit, siteSource)
          : TEXTS.retentionExceedsDeclared(cookie.name, lifetime, limit, source),
        [cookieEvidence(cookie, visit.phase), declaration],
        cookie.purpose,
      ),
    );
  }
  return findings;
}
