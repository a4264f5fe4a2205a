// `third-party-cookie` (info): a cookie set in a third-party context, one finding per cookie name+domain.
import type { Finding } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { cookieEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { cookiesOf } from '../safe.ts';
import { cookieSubject } from '../subjects.ts';
import { TEXTS } from '../texts.ts';
import { uniqueCookies } from '../tracking.ts';

export function thirdPartyCookie({ visit }: RuleContext): Finding[] {
  return uniqueCookies(cookiesOf(visit).filter((c) => c.party === 'third')).map((cookie) =>
    finding(
      'third-party-cookie',
      'info',
      visit.phase,
      TEXTS.thirdPartyCookie(cookieSubject(cookie)),
      [cookieEvidence(cookie, visit.phase)],
      cookie.purpose,
    ),
  );
}
