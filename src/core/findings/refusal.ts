// When and for which purposes consent was refused in one visit (the basis of `consent-ignored`).
import { isTrackingPurpose } from '../purposes.ts';
import { CONSENT_PURPOSES } from '../types.ts';
import type { EvidenceItem, Purpose, Visit } from '../types.ts';
import { isConsentCookie } from './consent-cookie.ts';
import { consentEvidence } from './evidence.ts';
import { undecidedUntil } from './mechanism.ts';
import { atOf, cookiesOf, recordedOf } from './safe.ts';
import { sourceName } from './texts.ts';

export interface Refusal {
  purposes: ReadonlySet<Purpose>;
  /** how the texts name the refusal */
  source: string;
  /** observations at or before this time (ms since the visit started) are not evidence */
  after: number;
  evidence: EvidenceItem;
}

const TRACKING = CONSENT_PURPOSES.filter(isTrackingPurpose);

/**
 * - `after-reject` phase (fresh profile, "reject all" clicked), unless the automation reports it failed: every tracking
 *   purpose is refused and everything observed in the visit counts.
 * - a recorded choice that refuses a purpose: only what happened after the consent manager last wrote its cookie counts
 *   (that write is the refusal), and in a browsing visit that began with no choice made, only what happened after the
 *   page was last read that way (`undecidedUntil`: what came before is tracking-before-consent's); with neither, the
 *   refusal predates the visit and only observations after the visit started (at > 0) count. Pre-existing cookies
 *   (at 0) are never evidence.
 */
export function refusalOf(visit: Visit): Refusal | null {
  const recorded = recordedOf(visit);
  const refused = new Set<Purpose>();
  if (recorded?.choiceMade === true) {
    for (const purpose of TRACKING) if (recorded.purposes[purpose] === false) refused.add(purpose);
  }
  const rejectPhase = visit.phase === 'after-reject' && visit.interaction?.ok !== false;
  if (rejectPhase) for (const purpose of TRACKING) refused.add(purpose);
  if (refused.size === 0) return null;

  const evidence: EvidenceItem =
    recorded?.choiceMade === true
      ? consentEvidence(recorded, visit.phase)
      : {
          type: 'consent',
          source: visit.interaction?.cmp ? `cmp:${visit.interaction.cmp}` : 'after-reject',
          choiceMade: true,
          purposes: Object.fromEntries(TRACKING.map((p) => [p, false])),
          phase: visit.phase,
        };
  const source = recorded?.choiceMade === true ? `recorded by ${sourceName(String(recorded.source))}` : 'by choosing "reject all"';
  if (rejectPhase) return { purposes: refused, source, after: Number.NEGATIVE_INFINITY, evidence };
  const writes = cookiesOf(visit)
    .filter((c) => isConsentCookie(c.name) && c.removed !== true)
    .map(atOf);
  // a browsing visit that began with no choice made: the refusal came after the page was last read that way
  const undecided = visit.phase === 'browsing' ? undecidedUntil(visit) : null;
  return { purposes: refused, source, after: Math.max(0, undecided?.at ?? 0, ...writes), evidence };
}
