import { describe, expect, test } from 'vitest';
import type { OutputFormat } from '../../../src/core/export/index.ts';
import { FORMATS, formatHar, formatHtml, formatJson, formatJunit, formatReport, formatSarif, formatText, isOutputFormat } from '../../../src/core/export/index.ts';
import { loadReport } from './helpers.ts';

const report = loadReport('report');

describe('formatReport', () => {
  test('FORMATS follows cli.md', () => {
    expect([...FORMATS]).toEqual(['text', 'json', 'sarif', 'junit', 'html', 'har']);
  });

  test.each<[OutputFormat, string]>([
    ['text', formatText(report, { color: false, failOn: 'high' })],
    ['json', formatJson(report)],
    ['sarif', formatSarif(report)],
    ['junit', formatJunit(report, { failOn: 'high' })],
    ['html', formatHtml(report)],
    ['har', formatHar(report, { creatorVersion: '0.1.0' })],
  ])('%s dispatches with cli.md defaults', (format, expected) => {
    expect(formatReport(report, format)).toBe(expected);
  });

  test('options reach the formatter', () => {
    expect(formatReport(report, 'text', { color: true })).toContain('\x1b[');
    expect(formatReport(report, 'junit', { failOn: 'none' })).not.toContain('<failure');
    expect(formatReport(report, 'har', { creatorVersion: '2.0.0' })).toContain('"version": "2.0.0"');
  });

  test.each([
    ['text', true],
    ['har', true],
    ['csv', false],
    ['ndjson', false],
    ['', false],
  ])('isOutputFormat(%j) → %s', (value, expected) => {
    expect(isOutputFormat(value)).toBe(expected);
  });
});
