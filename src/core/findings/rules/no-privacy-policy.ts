// `no-privacy-policy`: no visit of the report found a privacy-policy link (`declared.policyUrl`, or a
// `privacy-policy-link` source). Raised once per report, on its first visit.
import type { Finding, Visit } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { finding } from '../finding.ts';
import { policyUrlOf, sourcesOf } from '../safe.ts';
import { TEXTS } from '../texts.ts';

function hasPolicy(visit: Visit): boolean {
  return policyUrlOf(visit) !== null || sourcesOf(visit).some((s) => s.kind === 'privacy-policy-link');
}

export function noPrivacyPolicy({ visit, visits }: RuleContext): Finding[] {
  const first = visits[0] ?? visit;
  if (first !== visit || visits.some(hasPolicy) || hasPolicy(visit)) return [];
  return [finding('no-privacy-policy', 'low', visit.phase, TEXTS.noPrivacyPolicy(), [])];
}
