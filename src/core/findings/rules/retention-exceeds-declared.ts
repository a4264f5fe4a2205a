// `retention-exceeds-declared`: a cookie lives at least 1.5× longer than its declared retention: the cookie-level
// declaration where one matches (the longest, if several), else the site-level retention for first-party cookies.
// A declared retention of 0 means "session": a persistent cookie of a day or more then exceeds it.
import type { EvidenceItem, Finding } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { matchDeclared } from '../declared-cookie-match.ts';
import { cookieEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { cookiesOf, declaredCookiesOf, siteRetentionOf } from '../safe.ts';
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

export function retentionExceedsDeclared({ visit }: RuleContext): Finding[] {
  const declared = declaredCookiesOf(visit);
  const siteRetention = siteRetentionOf(visit);
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
    let level: 'cookie' | 'site';
    if (longest && isSeconds(longest.retentionSeconds)) {
      limit = longest.retentionSeconds;
      declaration = { type: 'declaration', source: String(longest.source), name: longest.name, retentionSeconds: limit };
      level = 'cookie';
    } else if (siteRetention !== null && siteRetention >= 0 && cookie.party === 'first') {
      limit = siteRetention;
      declaration = { type: 'declaration', source: 'site-retention', retentionSeconds: limit };
      level = 'site';
    } else continue;
    if (!exceeds(lifetime, limit)) continue;
    findings.push(
      finding(
        'retention-exceeds-declared',
        'medium',
        visit.phase,
        TEXTS.retentionExceedsDeclared(cookie.name, lifetime, limit, level),
        [cookieEvidence(cookie, visit.phase), declaration],
        cookie.purpose,
      ),
    );
  }
  return findings;
}
