// `unclassified-cookie`: a declared cookie without a purpose (declared `unknown`, or a purpose outside the vocabulary).
import { PURPOSES } from '../../types.ts';
import type { DeclaredCookie, Finding } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { declarationKey } from '../declared-cookie-match.ts';
import { finding } from '../finding.ts';
import { declaredCookiesOf } from '../safe.ts';
import { TEXTS } from '../texts.ts';

function hasPurpose(cookie: DeclaredCookie): boolean {
  return cookie.purpose !== 'unknown' && (PURPOSES as readonly string[]).includes(cookie.purpose);
}

export function unclassifiedCookie({ visit }: RuleContext): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const cookie of declaredCookiesOf(visit)) {
    if (hasPurpose(cookie) || cookie.name.trim() === '') continue;
    const source = String(cookie.source);
    const key = `${declarationKey(cookie)}\u0000${source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(
      finding('unclassified-cookie', 'low', visit.phase, TEXTS.unclassifiedCookie(cookie.name, source), [
        { type: 'declaration', source, name: cookie.name, purpose: 'unknown' },
      ]),
    );
  }
  return findings;
}
