import { describe, expect, test } from 'vitest';
import type { CsvTable } from '../../../src/core/export/csv.ts';
import { formatCsv } from '../../../src/core/export/csv.ts';
import { loadReport, parseCsv } from './helpers.ts';

const report = loadReport('report');
const hostile = loadReport('hostile-report');

/** What a spreadsheet shows: the formula guard's leading `'` removed. */
const unguard = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

describe('formatCsv', () => {
  test.each<[CsvTable, number, string[]]>([
    ['requests', report.summary.requests, ['phase', 'at_ms', 'method', 'type', 'url']],
    ['cookies', report.visits.reduce((n, v) => n + v.observed.cookies.length, 0), ['phase', 'at_ms', 'name', 'domain', 'path']],
    ['findings', report.findings.length, ['severity', 'kind', 'phase', 'purpose', 'title']],
  ])('%s: header and one row per item, equal widths, CRLF', (table, rows, firstColumns) => {
    const text = formatCsv(report, table);
    const parsed = parseCsv(text);
    expect(parsed[0]?.slice(0, firstColumns.length)).toEqual(firstColumns);
    expect(parsed).toHaveLength(rows + 1);
    const width = parsed[0]?.length;
    for (const row of parsed) expect(row).toHaveLength(width ?? -1);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  test('request values', () => {
    const [header = [], ...rows] = parseCsv(formatCsv(report, 'requests'));
    const col = (name: string): number => header.indexOf(name);
    const ga = rows.find((r) => r[col('url')]?.includes('/g/collect'));
    expect(ga?.[col('tracker')]).toBe('Google Analytics');
    expect(ga?.[col('status')]).toBe('204');
    expect(ga?.[col('identifiers')]).toBe('cid');
    const failed = rows.find((r) => r[col('error')] !== '');
    expect(failed?.[col('status')]).toBe('');
  });

  test('requests a site’s service worker made are marked', () => {
    const withWorker = loadReport('report');
    const first = withWorker.visits[0]?.observed.requests[0];
    if (first) first.serviceWorker = true;
    const [header = [], ...rows] = parseCsv(formatCsv(withWorker, 'requests'));
    const flags = rows.map((r) => r[header.indexOf('service_worker')]);
    expect(flags[0]).toBe('true');
    expect(flags.slice(1).every((f) => f === 'false')).toBe(true);
  });

  test('hostile cookies round-trip: quotes, commas and newlines survive, formulas are guarded', () => {
    const [header = [], ...rows] = parseCsv(formatCsv(hostile, 'cookies'));
    const col = (name: string): number => header.indexOf(name);
    const cookies = hostile.visits[0]?.observed.cookies ?? [];
    expect(rows.map((r) => unguard(r[col('name')] ?? ''))).toEqual(cookies.map((c) => c.name));
    expect(rows.map((r) => r[col('domain')])).toEqual(cookies.map((c) => c.domain));
    expect(rows.map((r) => r[col('path')])).toEqual(cookies.map((c) => c.path));
    expect(rows[1]?.[col('name')]).toBe("'@foo,bar");
  });

  test.each<CsvTable>(['requests', 'cookies', 'findings'])('hostile %s: no cell starts a formula', (table) => {
    for (const row of parseCsv(formatCsv(hostile, table)).slice(1)) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  test('hostile findings round-trip multi-line explanations', () => {
    const [header = [], ...rows] = parseCsv(formatCsv(hostile, 'findings'));
    const col = (name: string): number => header.indexOf(name);
    expect(rows.map((r) => unguard(r[col('explanation')] ?? ''))).toEqual(hostile.findings.map((f) => f.explanation));
    expect(rows.map((r) => unguard(r[col('title')] ?? ''))).toEqual(hostile.findings.map((f) => f.title));
    expect(rows[2]?.[col('title')]).toBe("'=1+1");
  });
});
