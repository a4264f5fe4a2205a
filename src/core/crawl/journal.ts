// Resume bookkeeping. `<out>/sites.ndjson` is the crawl's journal: one line per list entry that is finished
// (checked, failed after its retry, or skipped as invalid/duplicate), appended after the site's report and table
// rows are written. Each line records the byte size of every output file at that moment, so a crawl killed
// half-way through writing a site is cut back to the last finished site on resume: no half site stays in a table.
import type { Severity } from '../types.ts';
import type { ListEntry, ListProblem } from './list.ts';

export type EntryStatus = 'ok' | 'error' | 'invalid' | 'duplicate';

export interface JournalEntry {
  crawl_id: string;
  /** the normalized URL, or `line:<n>` for entries that are not URLs */
  key: string;
  status: EntryStatus;
  line: number;
  input: string;
  url: string | null;
  rank: number | null;
  visit_id: number | null;
  /** relative to the output folder */
  report: string | null;
  error: string | null;
  attempts: number;
  /** the error of each failed attempt */
  attempt_errors: string[];
  started_at: string | null;
  finished_at: string;
  duration_ms: number | null;
  findings: Record<Severity, number> | null;
  /** byte size of each output file (tables, summary.csv) once this entry was written */
  sizes: Record<string, number>;
}

const encoder = new TextEncoder();

export function journalKey(item: ListEntry | ListProblem): string {
  return 'url' in item ? item.url : `line:${item.line}`;
}

function isJournalEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.key === 'string' && typeof v.status === 'string' && typeof v.sizes === 'object' && v.sizes !== null;
}

/** The complete entries of a journal, and the byte length they span (a torn last line is not counted). */
export function parseJournal(text: string): {
  entries: JournalEntry[];
  bytes: number;
} {
  const entries: JournalEntry[] = [];
  let bytes = 0;
  for (const line of text.split('\n').slice(0, -1)) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      break;
    }
    if (!isJournalEntry(value)) break;
    entries.push(value);
    bytes += encoder.encode(line).length + 1;
  }
  return { entries, bytes };
}

export function journalLine(entry: JournalEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

export interface ResumePlan {
  /** sites still to check, in list order */
  todo: ListEntry[];
  /** list problems not yet recorded */
  problems: ListProblem[];
  /** entries already finished in an earlier run */
  done: JournalEntry[];
  /** file sizes to cut the outputs back to (the last finished entry's); `initial` where nothing finished */
  sizes: Record<string, number>;
}

export function planResume(
  entries: readonly ListEntry[],
  problems: readonly ListProblem[],
  journal: readonly JournalEntry[],
  initial: Record<string, number>,
): ResumePlan {
  const finished = new Set(journal.map((e) => e.key));
  return {
    todo: entries.filter((e) => !finished.has(journalKey(e))),
    problems: problems.filter((p) => !finished.has(journalKey(p))),
    done: [...journal],
    sizes: { ...initial, ...(journal[journal.length - 1]?.sizes ?? {}) },
  };
}
