// `consent-differs-from-preference`: the site records consent to a purpose the visitor's saved Candor preference refuses.
import { needsConsent } from '../../purposes.ts';
import { CONSENT_PURPOSES } from '../../types.ts';
import type { Finding } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { copyPurposes } from '../../purposes.ts';
import { consentEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { preferenceOf, recordedOf } from '../safe.ts';
import { TEXTS } from '../texts.ts';

export function consentDiffersFromPreference({ visit }: RuleContext): Finding[] {
  const recorded = recordedOf(visit);
  const preference = preferenceOf(visit);
  if (!recorded || !preference) return [];
  const differing = CONSENT_PURPOSES.filter(
    (p) => needsConsent(p) && preference[p] === false && recorded.purposes[p] === true,
  );
  if (differing.length === 0) return [];
  return [
    finding(
      'consent-differs-from-preference',
      'medium',
      visit.phase,
      TEXTS.consentDiffersFromPreference(differing, String(recorded.source)),
      [consentEvidence(recorded, visit.phase), { type: 'preference', purposes: copyPurposes(preference) }],
      differing.length === 1 ? differing[0] : null,
    ),
  ];
}
