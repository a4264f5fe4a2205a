// `positive-consent-without-choice`: the site's consent grants a tracking purpose although nobody chose.
// 1. The recorded consent: the record itself says no choice was made (pre-ticked / assumed consent), or it claims a
//    choice in the `before-consent` phase, where Candor has not touched the banner.
// 2. Another consent signal the site emits (Google Consent Mode defaults, a `gcd` parameter, a second CMP) that grants a
//    tracking purpose without a choice (`choiceMade === false`) while the site's consent mechanism holds no choice yet
//    (its record says so, or the phase is `before-consent`): `gtag('consent', 'default', {analytics_storage: 'granted'})`
//    on a site whose banner is still waiting tells the tags the visitor agreed. One finding per signal source and purpose.
// Functional pre-grants are left out: too often configured as "always on" preferences to be a reliable high-severity
// finding. Consent Mode defaults alone, on a site without a consent mechanism, are not a consent record (mechanism.ts):
// "granted" by default is a tag setting that is normal outside the EU.
import { isTrackingPurpose } from '../../purposes.ts';
import { CONSENT_PURPOSES } from '../../types.ts';
import type { ConsentPurpose, ConsentSignal, EvidenceItem, Finding, PurposeMap, RecordedConsent, Visit } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { copyPurposes } from '../../purposes.ts';
import { consentEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { hasConsentMechanism, mechanismRecord } from '../mechanism.ts';
import { signalsOf } from '../safe.ts';
import { TEXTS } from '../texts.ts';

function grantedTracking(purposes: PurposeMap): ConsentPurpose[] {
  return CONSENT_PURPOSES.filter((p) => isTrackingPurpose(p) && purposes[p] === true);
}

/** The signal's own value (a TC string, `analytics_storage=granted;…`), else its purposes spelled out. */
function signalValue(signal: ConsentSignal): string {
  if (typeof signal.raw === 'string' && signal.raw !== '') return signal.raw.slice(0, 500);
  const purposes = copyPurposes(signal.purposes);
  return CONSENT_PURPOSES.filter((p) => typeof purposes[p] === 'boolean')
    .map((p) => `${p}=${purposes[p] ? 'granted' : 'denied'}`)
    .join(', ');
}

function fromRecord(visit: Visit, recorded: RecordedConsent): Finding[] {
  if (recorded.choiceMade === true && visit.phase !== 'before-consent') return [];
  const granted = grantedTracking(recorded.purposes);
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

function fromSignals(visit: Visit, recorded: RecordedConsent | null): Finding[] {
  // the site's consent mechanism must hold no choice yet: never when it records one outside `before-consent`
  const noChoiceYet = recorded !== null && recorded.choiceMade === false;
  if (!noChoiceYet && visit.phase !== 'before-consent') return [];
  if (!hasConsentMechanism(visit)) return [];
  const recordedSource = recorded ? String(recorded.source) : null;
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const signal of signalsOf(visit)) {
    if (signal.choiceMade !== false) continue;
    const source = String(signal.source);
    // the record's own signal is the record, judged above
    if (source === recordedSource) continue;
    for (const purpose of grantedTracking(signal.purposes)) {
      const key = `${source}\u0000${purpose}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const evidence: EvidenceItem[] = [{ type: 'signal', source, value: signalValue(signal) }];
      if (recorded) evidence.push(consentEvidence(recorded, visit.phase));
      findings.push(
        finding(
          'positive-consent-without-choice',
          'high',
          visit.phase,
          TEXTS.positiveSignalWithoutChoice(purpose, source, recordedSource, visit.phase),
          evidence,
          purpose,
        ),
      );
    }
  }
  return findings;
}

export function positiveConsentWithoutChoice({ visit }: RuleContext): Finding[] {
  // after a phased check clicked the banner, a grant is the click's (or `consent-ignored`'s business)
  if (visit.phase !== 'browsing' && visit.phase !== 'before-consent') return [];
  const recorded = mechanismRecord(visit);
  return [...(recorded ? fromRecord(visit, recorded) : []), ...fromSignals(visit, recorded)];
}
