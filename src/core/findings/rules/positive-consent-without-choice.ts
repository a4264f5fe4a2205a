// `positive-consent-without-choice`: the site's consent record grants a tracking purpose although nobody chose.
// Either the record itself says no choice was made (pre-ticked / assumed consent), or it claims a choice in the
// `before-consent` phase, where Candor has not touched the banner. Functional pre-grants are left out: too often
// configured as "always on" preferences to be a reliable high-severity finding. Consent Mode defaults are not a consent
// record (mechanism.ts): "granted" by default is a tag setting that is normal outside the EU.
import { isTrackingPurpose } from '../../purposes.ts';
import { CONSENT_PURPOSES } from '../../types.ts';
import type { Finding } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { consentEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { mechanismRecord } from '../mechanism.ts';
import { TEXTS } from '../texts.ts';

export function positiveConsentWithoutChoice({ visit }: RuleContext): Finding[] {
  const recorded = mechanismRecord(visit);
  if (!recorded) return [];
  // after a phased check clicked the banner, a grant is the click's (or `consent-ignored`'s business)
  if (visit.phase !== 'browsing' && visit.phase !== 'before-consent') return [];
  if (recorded.choiceMade === true && visit.phase !== 'before-consent') return [];
  const granted = CONSENT_PURPOSES.filter((p) => isTrackingPurpose(p) && recorded.purposes[p] === true);
  if (granted.length === 0) return [];
  return [
    finding(
      'positive-consent-without-choice',
      'high',
      visit.phase,
      TEXTS.positiveConsentWithoutChoice(granted, String(recorded.source), visit.phase),
      [consentEvidence(recorded, visit.phase)],
      granted.length === 1 ? granted[0] : null,
    ),
  ];
}
