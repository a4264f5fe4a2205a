import { describe, expect, test } from 'vitest';
import type { FailOn } from '../../../src/core/export/severity.ts';
import { exitCodeFor, severityAtLeast, sortBySeverity } from '../../../src/core/export/severity.ts';
import type { Finding, Report, Severity } from '../../../src/core/types.ts';
import { loadReport } from './helpers.ts';

function withFindings(severities: Severity[]): Report {
  const base = loadReport('report');
  const template = base.findings[0];
  if (template === undefined) throw new Error('fixture has no finding');
  return { ...base, findings: severities.map((severity): Finding => ({ ...template, severity })) };
}

describe('severityAtLeast', () => {
  test.each<[Severity, FailOn, boolean]>([
    ['high', 'high', true],
    ['medium', 'high', false],
    ['high', 'medium', true],
    ['medium', 'medium', true],
    ['low', 'medium', false],
    ['info', 'low', false],
    ['low', 'low', true],
    ['info', 'info', true],
    ['high', 'info', true],
    ['high', 'none', false],
    ['info', 'none', false],
  ])('%s at or above %s → %s', (severity, threshold, expected) => {
    expect(severityAtLeast(severity, threshold)).toBe(expected);
  });
});

describe('exitCodeFor (cli.md: 0 none at/above --fail-on, 1 otherwise)', () => {
  test.each<[string, Severity[], FailOn, 0 | 1]>([
    ['no findings, default', [], 'high', 0],
    ['no findings, info', [], 'info', 0],
    ['one high, fail on high', ['high'], 'high', 1],
    ['only medium, fail on high', ['medium', 'low'], 'high', 0],
    ['medium, fail on medium', ['low', 'medium'], 'medium', 1],
    ['info only, fail on low', ['info'], 'low', 0],
    ['info only, fail on info', ['info'], 'info', 1],
    ['high, fail on none', ['high', 'high'], 'none', 0],
  ])('%s', (_name, severities, failOn, expected) => {
    expect(exitCodeFor(withFindings(severities), failOn)).toBe(expected);
  });

  test('many reports: fails when any report fails', () => {
    expect(exitCodeFor([withFindings(['low']), withFindings(['high'])], 'high')).toBe(1);
    expect(exitCodeFor([withFindings(['low']), withFindings(['medium'])], 'high')).toBe(0);
    expect(exitCodeFor([], 'info')).toBe(0);
  });

  test('the realistic fixture fails on high and passes on none', () => {
    const report = loadReport('report');
    expect(exitCodeFor(report, 'high')).toBe(1);
    expect(exitCodeFor(report, 'none')).toBe(0);
  });
});

test('sortBySeverity orders high → info and keeps report order within a severity', () => {
  const report = withFindings(['info', 'high', 'low', 'medium', 'high']);
  const titled = report.findings.map((f, i) => ({ ...f, title: String(i) }));
  expect(sortBySeverity(titled).map((f) => `${f.severity}${f.title}`)).toEqual(['high1', 'high4', 'medium3', 'low2', 'info0']);
});
