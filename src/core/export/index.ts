// The CLI's `--format` dispatch (shared/spec/cli.md) and the exports' public API.
import type { Report } from '../types.ts';
import { formatHar } from './har.ts';
import { formatHtml } from './html.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
import { formatSarif } from './sarif.ts';
import type { FailOn } from './severity.ts';
import { formatText } from './text.ts';

export type { CsvTable } from './csv.ts';
export { CSV_TABLES, formatCsv } from './csv.ts';
export { describeEvidence, describePurposes, formatDuration } from './describe.ts';
export type { HarOptions } from './har.ts';
export { formatHar } from './har.ts';
export { formatHtml } from './html.ts';
export { formatJson } from './json.ts';
export type { JunitOptions } from './junit.ts';
export type { KindInfo } from './kinds.ts';
export { KIND_INFO } from './kinds.ts';
export { formatJunit } from './junit.ts';
export type { Cell, Provenance, Row, Tables } from './ndjson.ts';
export {
  SUMMARY_CSV_COLUMNS,
  SUMMARY_CSV_HEADER,
  summaryCsvErrorRow,
  summaryCsvRow,
  TABLE_NAMES,
  toNdjson,
  toTables,
} from './ndjson.ts';
export { formatSarif, sarifLevel } from './sarif.ts';
export type { FailOn } from './severity.ts';
export { exitCodeFor, FAIL_ON_VALUES, severityAtLeast, sortBySeverity } from './severity.ts';
export type { TextOptions } from './text.ts';
export { formatText } from './text.ts';

/** `--format` values, in the order cli.md lists them. */
export const FORMATS = ['text', 'json', 'sarif', 'junit', 'html', 'har'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}

export interface FormatOptions {
  /** text: ANSI colours (default false) */
  color?: boolean;
  /** text, junit: the `--fail-on` threshold (default `high`, as in cli.md) */
  failOn?: FailOn;
  /** har: `log.creator.version` (default the report's tool version) */
  creatorVersion?: string;
}

export function formatReport(report: Report, format: OutputFormat, options: FormatOptions = {}): string {
  const failOn = options.failOn ?? 'high';
  switch (format) {
    case 'text':
      return formatText(report, { color: options.color ?? false, failOn });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'junit':
      return formatJunit(report, { failOn });
    case 'html':
      return formatHtml(report);
    case 'har':
      return formatHar(report, { creatorVersion: options.creatorVersion ?? report.tool.version });
  }
}
