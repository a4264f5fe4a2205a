// `consent-signals-disagree`: the site's recorded consent and another consent signal it emits (TCF string, Consent
// Mode, `gcs` on Google requests, …) contradict each other for a purpose both cover. Only when both reflect a choice
// (a signal that does not say counts as reflecting one): a Consent Mode *default* before the CMP answers is not a
// contradiction. Signals read repeatedly (`gcs` on every Google request) form a timeline: only the latest of each source
// is compared, so a hit sent before the visitor chose does not contradict the choice. `necessary` is never compared:
// TCF purpose 1 (device storage) maps onto it and is not the same thing.
import { needsConsent } from '../../purposes.ts';
import { CONSENT_PURPOSES } from '../../types.ts';
import type { ConsentPurpose, ConsentSignal, Finding, PurposeMap } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { copyPurposes } from '../../purposes.ts';
import { consentEvidence } from '../evidence.ts';
import { finding } from '../finding.ts';
import { recordedOf, signalsOf } from '../safe.ts';
import { TEXTS } from '../texts.ts';

function describe(purposes: PurposeMap): string {
  return CONSENT_PURPOSES.filter((p) => typeof purposes[p] === 'boolean')
    .map((p) => `${p}=${purposes[p] ? 'granted' : 'denied'}`)
    .join(', ');
}

function latestPerSource(signals: readonly ConsentSignal[]): ConsentSignal[] {
  const latest = new Map<string, ConsentSignal>();
  for (const signal of signals) latest.set(String(signal.source), signal);
  return [...latest.values()];
}

export function consentSignalsDisagree({ visit }: RuleContext): Finding[] {
  const recorded = recordedOf(visit);
  if (recorded?.choiceMade !== true) return [];
  const findings: Finding[] = [];
  for (const signal of latestPerSource(signalsOf(visit))) {
    if (signal.choiceMade === false) continue;
    const differing: ConsentPurpose[] = CONSENT_PURPOSES.filter((p) => {
      const a = recorded.purposes[p];
      const b = signal.purposes[p];
      return needsConsent(p) && typeof a === 'boolean' && typeof b === 'boolean' && a !== b;
    });
    if (differing.length === 0) continue;
    const source = String(signal.source);
    const value = typeof signal.raw === 'string' && signal.raw !== '' ? signal.raw : describe(copyPurposes(signal.purposes));
    findings.push(
      finding(
        'consent-signals-disagree',
        'medium',
        visit.phase,
        TEXTS.consentSignalsDisagree(String(recorded.source), source, differing),
        [consentEvidence(recorded, visit.phase), { type: 'signal', source, value }],
        differing.length === 1 ? differing[0] : null,
      ),
    );
  }
  return findings;
}
