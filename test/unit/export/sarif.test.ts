import { describe, expect, test } from 'vitest';
import { formatSarif, sarifLevel } from '../../../src/core/export/sarif.ts';
import type { Severity } from '../../../src/core/types.ts';
import { FINDING_KINDS } from '../../../src/core/types.ts';
import { loadReport, sarifValidator } from './helpers.ts';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string } }; logicalLocations?: { name: string; kind: string }[] }[];
  partialFingerprints: Record<string, string>;
  properties: { phase: string; evidence: unknown[] };
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
    results: SarifResult[];
  }[];
}

const validate = sarifValidator();
const report = loadReport('report');
const hostile = loadReport('hostile-report');

describe('formatSarif', () => {
  test.each([
    ['realistic', [report]],
    ['hostile', [hostile]],
    ['several reports', [report, hostile]],
    ['no findings', [{ ...report, findings: [] }]],
  ])('%s validates against the SARIF 2.1.0 schema', (_name, reports) => {
    const log: unknown = JSON.parse(formatSarif(reports.length === 1 && reports[0] ? reports[0] : reports));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('the validator does reject a broken log', () => {
    const log = JSON.parse(formatSarif(report)) as SarifLog;
    const broken = { ...log, runs: [{ ...log.runs[0], results: [{ level: 'fatal' }] }] };
    expect(validate(broken)).toBe(false);
  });

  const log = JSON.parse(formatSarif(report)) as SarifLog;
  const run = log.runs[0];

  test('driver and one rule per finding kind', () => {
    expect(log.version).toBe('2.1.0');
    expect(run?.tool.driver.name).toBe('candor');
    expect(run?.tool.driver.version).toBe('0.1.0');
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual([...FINDING_KINDS]);
  });

  test.each([
    ['tracking-before-consent', 'error'],
    ['undeclared-cookie', 'warning'],
    ['invalid-metadata', 'note'],
    ['third-party-cookie', 'note'],
  ])('rule %s defaults to %s', (kind, level) => {
    expect(run?.tool.driver.rules.find((r) => r.id === kind)?.defaultConfiguration.level).toBe(level);
  });

  test.each<[Severity, string]>([
    ['high', 'error'],
    ['medium', 'warning'],
    ['low', 'note'],
    ['info', 'note'],
  ])('severity %s → level %s', (severity, level) => {
    expect(sarifLevel(severity)).toBe(level);
  });

  test('one result per finding, pointing at its rule, page and evidence', () => {
    expect(run?.results).toHaveLength(report.findings.length);
    const consentIgnored = run?.results.find((r) => r.ruleId === 'consent-ignored');
    expect(consentIgnored?.level).toBe('error');
    expect(run?.tool.driver.rules[consentIgnored?.ruleIndex ?? -1]?.id).toBe('consent-ignored');
    expect(consentIgnored?.message.text).toContain('Advertising cookie set after you refused');
    expect(consentIgnored?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('https://www.shop.example/basket');
    expect(consentIgnored?.locations[0]?.logicalLocations?.map((l) => [l.kind, l.name])).toEqual([
      ['variable', '_fbp'],
      ['resource', 'https://www.facebook.com/tr/?id=1234567890&ev=PageView&fbp=fb.1.1764151200.987654321'],
    ]);
    expect(consentIgnored?.properties.phase).toBe('after-reject');
    expect(consentIgnored?.properties.evidence).toHaveLength(3);
  });

  test('fingerprints are stable and distinct', () => {
    const prints = run?.results.map((r) => r.partialFingerprints['candorFinding/v1']) ?? [];
    expect(new Set(prints).size).toBe(prints.length);
    const again = JSON.parse(formatSarif(report)) as SarifLog;
    expect(again.runs[0]?.results.map((r) => r.partialFingerprints['candorFinding/v1'])).toEqual(prints);
  });

  test('hostile page URLs become valid URI references', () => {
    const hostileLog = JSON.parse(formatSarif(hostile)) as SarifLog;
    for (const result of hostileLog.runs[0]?.results ?? []) {
      expect(result.locations[0]?.physicalLocation.artifactLocation.uri).toBe('https://evil.example/%3Ci%3E?x=%22y%22');
    }
  });
});
