// `gpc-ignored`: the browser sent Sec-GPC: 1 and a signal the site controls still says "not opted out".
// The parsers set `optedOut: false` for a US Privacy string whose 3rd character is not `Y`, a GPP US section whose
// SaleOptOut/SharingOptOut/TargetedAdvertisingOptOut is not 1, and OneTrust `isGpcEnabled` other than 1.
// `optedOut: null` (framework not applicable, e.g. `1---`) never raises it.
import type { Finding } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { finding } from '../finding.ts';
import { signalsOf } from '../safe.ts';
import { TEXTS } from '../texts.ts';

export function gpcIgnored({ visit }: RuleContext): Finding[] {
  if (visit.gpcSent !== true) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const signal of signalsOf(visit)) {
    if (signal.optedOut !== false) continue;
    const source = String(signal.source);
    const value = typeof signal.raw === 'string' && signal.raw !== '' ? signal.raw : 'not opted out';
    if (seen.has(`${source}\u0000${value}`)) continue;
    seen.add(`${source}\u0000${value}`);
    findings.push(
      finding(
        'gpc-ignored',
        'high',
        visit.phase,
        TEXTS.gpcIgnored(source, value),
        [
          { type: 'signal', source, value },
          { type: 'gpc', sent: true },
        ],
        'advertising',
      ),
    );
  }
  return findings;
}
