// `wrong-purpose`: a cookie declared under one purpose but known to serve another. The site's declaration is checked
// against the injected independent classifier (which ignores declarations), never against the report's own cookie
// purpose (that one puts the declaration first). Only confident classifications count (a known cookie or the setting
// tracker, not a name heuristic), and only when the difference misleads a consent choice:
// - the declaration understates a tracking purpose: a cookie known to serve analytics, advertising or social media is
//   filed under necessary or functional;
// - analytics and advertising are swapped (either way): the choice for one purpose then controls the other.
// Never across the necessary/functional line (lists draw it differently: a language or basket cookie is either), never
// when the cookie is known to be necessary or functional (a tracking declaration for it is over-cautious), and not
// between social and advertising or analytics (a social pixel is advertising in one list and social in another).
import { isTrackingPurpose } from '../../purposes.ts';
import type { EvidenceItem, Finding, ObservedCookie, Purpose } from '../../types.ts';
import { isConsentCookie } from '../consent-cookie.ts';
import type { Classification, IndependentClassifier, RuleContext } from '../context.ts';
import { declarationKey, isPatternDeclaration, matchDeclared } from '../declared-cookie-match.ts';
import { finding } from '../finding.ts';
import { cookiesOf, declaredCookiesOf } from '../safe.ts';
import { TEXTS } from '../texts.ts';
import { cookieKey, uniqueCookies } from '../tracking.ts';

/** True when the declared purpose misleads about what the cookie is known to do (see above). */
export function misleads(declared: Purpose, known: Purpose): boolean {
  if (declared === 'unknown' || known === 'unknown' || declared === known) return false;
  if (!isTrackingPurpose(known)) return false;
  if (!isTrackingPurpose(declared)) return true;
  return (declared === 'analytics' && known === 'advertising') || (declared === 'advertising' && known === 'analytics');
}

function understates(declared: Purpose, known: Classification): boolean {
  if (known.source !== 'known-cookie' && known.source !== 'tracker') return false;
  return misleads(declared, known.purpose);
}

function safeClassify(classify: IndependentClassifier, cookie: Parameters<IndependentClassifier>[0]): Classification | null {
  try {
    const result = classify(cookie);
    return result && typeof result.purpose === 'string' ? result : null;
  } catch {
    return null;
  }
}

function classifierInput(cookie: ObservedCookie): Parameters<IndependentClassifier>[0] {
  const input: Parameters<IndependentClassifier>[0] = { name: cookie.name, domain: cookie.domain };
  if (typeof cookie.value === 'string') input.value = cookie.value;
  if (typeof cookie.lifetimeSeconds === 'number') input.lifetimeSeconds = cookie.lifetimeSeconds;
  return input;
}

export function wrongPurpose({ visit, site, classify }: RuleContext): Finding[] {
  if (!classify) return [];
  const observed = uniqueCookies(cookiesOf(visit));
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const declared of declaredCookiesOf(visit)) {
    if (declared.purpose === 'unknown' || isConsentCookie(declared.name)) continue;
    const matches = observed.filter((c) => matchDeclared([declared], c).length > 0);
    const subjects: { name: string; cookie: ObservedCookie | null; input: Parameters<IndependentClassifier>[0] }[] =
      matches.length > 0
        ? matches.map((c) => ({ name: c.name, cookie: c, input: classifierInput(c) }))
        : isPatternDeclaration(declared)
          ? []
          : [{ name: declared.name, cookie: null, input: { name: declared.name, domain: declared.domain ?? site } }];
    for (const subject of subjects) {
      const key = `${declarationKey(declared)}\u0000${subject.cookie ? cookieKey(subject.cookie) : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const known = safeClassify(classify, subject.input);
      if (!known || !understates(declared.purpose, known)) continue;
      const classification: { purpose: Purpose; source: Classification['source']; detail?: string } = {
        purpose: known.purpose,
        source: known.source,
      };
      if (typeof known.detail === 'string') classification.detail = known.detail;
      const evidence: EvidenceItem[] = [
        // the classification sits on the observed cookie's evidence, else on the declaration
        { type: 'declaration', source: String(declared.source), name: declared.name, purpose: declared.purpose, ...(subject.cookie ? {} : { classification }) },
      ];
      if (subject.cookie) {
        evidence.push({
          type: 'cookie',
          name: subject.cookie.name,
          domain: subject.cookie.domain,
          phase: visit.phase,
          classification,
        });
      }
      findings.push(
        finding(
          'wrong-purpose',
          declared.purpose === 'necessary' ? 'high' : 'medium',
          visit.phase,
          TEXTS.wrongPurpose(subject.name, declared.purpose, known.purpose, known.source, classification.detail ?? null),
          evidence,
          known.purpose,
        ),
      );
    }
  }
  return findings;
}
