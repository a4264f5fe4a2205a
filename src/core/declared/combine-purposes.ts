// Folding the states of one vocabulary's terms (TCF purposes, Consent Mode types, …) into Candor purposes.
// Rule: a Candor purpose is granted only when every term present in the signal that maps onto it is granted;
// one refused term refuses the purpose. Terms the table does not know (`unknown`) are left out.
import { toPurpose, type Vocabulary } from '../purposes.ts';
import type { PurposeMap } from '../types.ts';

export function combinePurposes(vocabulary: Vocabulary, states: Iterable<readonly [string | number, boolean]>): PurposeMap {
  const out: PurposeMap = {};
  for (const [term, granted] of states) {
    const purpose = toPurpose(vocabulary, term);
    if (purpose === 'unknown') continue;
    out[purpose] = (out[purpose] ?? true) && granted;
  }
  return out;
}
