// The crawl's exit code from its journal: 2 when no site could be checked, else 0/1 by `--fail-on`.
import { type FailOn, severityAtLeast } from '../export/severity.ts';
import { SEVERITIES } from '../types.ts';
import type { JournalEntry } from './journal.ts';

export function crawlExitCode(journal: readonly JournalEntry[], failOn: FailOn): 0 | 1 | 2 {
  const checked = journal.filter((e) => e.status === 'ok');
  if (checked.length === 0) return 2;
  const failing = checked.some((e) => SEVERITIES.some((s) => (e.findings?.[s] ?? 0) > 0 && severityAtLeast(s, failOn)));
  return failing ? 1 : 0;
}
