// `contradictory-declaration`: one cookie declared under several purposes (within one source or across sources).
// `unknown` is no purpose, so it never contradicts (that is `unclassified-cookie`).
import type { DeclaredCookie, Finding, Purpose } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { declarationKey } from '../declared-cookie-match.ts';
import { finding } from '../finding.ts';
import { declaredCookiesOf } from '../safe.ts';
import { TEXTS } from '../texts.ts';

export function contradictoryDeclaration({ visit }: RuleContext): Finding[] {
  const groups = new Map<string, DeclaredCookie[]>();
  for (const cookie of declaredCookiesOf(visit)) {
    if (cookie.purpose === 'unknown' || cookie.name.trim() === '') continue;
    const key = declarationKey(cookie);
    groups.set(key, [...(groups.get(key) ?? []), cookie]);
  }
  const findings: Finding[] = [];
  for (const cookies of groups.values()) {
    const purposes = [...new Set(cookies.map((c) => c.purpose))].sort() as Purpose[];
    const first = cookies[0];
    if (purposes.length < 2 || !first) continue;
    const distinct = new Map(cookies.map((c) => [`${c.source}\u0000${c.purpose}`, c]));
    findings.push(
      finding(
        'contradictory-declaration',
        'low',
        visit.phase,
        TEXTS.contradictoryDeclaration(first.name, purposes),
        [...distinct.values()].map((c) => ({
          type: 'declaration' as const,
          source: String(c.source),
          name: c.name,
          purpose: c.purpose,
        })),
      ),
    );
  }
  return findings;
}
