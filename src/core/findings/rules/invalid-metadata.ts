// `invalid-metadata`: a metadata source exists but is malformed (bad TC/GPP/US Privacy string, invalid gpc.json, …).
import type { Finding } from '../../types.ts';
import type { RuleContext } from '../context.ts';
import { finding } from '../finding.ts';
import { sourcesOf } from '../safe.ts';
import { TEXTS } from '../texts.ts';

export function invalidMetadata({ visit }: RuleContext): Finding[] {
  return sourcesOf(visit)
    .filter((source) => source.valid === false)
    .map((source) => {
      const error = typeof source.error === 'string' && source.error !== '' ? source.error : null;
      return finding(
        'invalid-metadata',
        'low',
        visit.phase,
        TEXTS.invalidMetadata(source.kind, error),
        [error === null ? { type: 'source', kind: source.kind } : { type: 'source', kind: source.kind, error }],
      );
    });
}
