// SARIF 2.1.0 (OASIS): one rule per finding kind, one result per finding, the page URL as the artifact.
import type { EvidenceItem, Finding, Report, Severity } from '../types.ts';
import { FINDING_KINDS } from '../types.ts';
import { describeEvidence } from './describe.ts';
import { safeUri } from './escape.ts';
import { KIND_INFO } from './kinds.ts';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

/** FNV-1a, 32 bit: a stable fingerprint so code-scanning tools can match a finding across runs. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function logicalLocation(item: EvidenceItem): Record<string, string> | null {
  // SARIF §3.33.7 lists suggested kinds; `resource` fits a URL, `variable` a named cookie or storage key.
  if (item.type === 'cookie') return { name: item.name, fullyQualifiedName: `${item.domain}/${item.name}`, kind: 'variable' };
  if (item.type === 'request') return { name: item.url, fullyQualifiedName: item.url, kind: 'resource' };
  if (item.type === 'storage') return { name: item.key, fullyQualifiedName: `${item.origin}/${item.key}`, kind: 'variable' };
  return null;
}

function result(report: Report, finding: Finding): Record<string, unknown> {
  const visit = report.visits.find((v) => v.phase === finding.phase);
  const logical = finding.evidence.map(logicalLocation).filter((l): l is Record<string, string> => l !== null);
  const location: Record<string, unknown> = {
    physicalLocation: { artifactLocation: { uri: safeUri(visit?.url ?? report.url) } },
  };
  if (logical.length > 0) location.logicalLocations = logical;
  const properties: Record<string, unknown> = {
    phase: finding.phase,
    severity: finding.severity,
    site: report.site,
    evidence: finding.evidence,
    evidenceText: finding.evidence.map(describeEvidence),
  };
  if (finding.purpose !== undefined) properties.purpose = finding.purpose;
  return {
    ruleId: finding.kind,
    ruleIndex: FINDING_KINDS.indexOf(finding.kind),
    level: sarifLevel(finding.severity),
    message: { text: `${finding.title}\n\n${finding.explanation}` },
    locations: [location],
    partialFingerprints: {
      'candorFinding/v1': fingerprint(
        [report.site, finding.kind, finding.phase, ...finding.evidence.map(describeEvidence)].join('\n'),
      ),
    },
    properties,
  };
}

function run(report: Report): Record<string, unknown> {
  return {
    tool: {
      driver: {
        name: 'candor',
        version: report.tool.version,
        rules: FINDING_KINDS.map((kind) => ({
          id: kind,
          name: kind,
          shortDescription: { text: KIND_INFO[kind].short },
          fullDescription: { text: KIND_INFO[kind].full },
          defaultConfiguration: { level: sarifLevel(KIND_INFO[kind].severity) },
          properties: { defaultSeverity: KIND_INFO[kind].severity },
        })),
      },
    },
    automationDetails: { id: `candor/${report.site}/` },
    results: report.findings.map((f) => result(report, f)),
    properties: {
      site: report.site,
      url: report.url,
      browser: report.tool.browser,
      trackerDb: report.tool.trackerDb,
      phases: report.visits.map((v) => v.phase),
      summary: report.summary,
    },
  };
}

/** One run per report (a crawl can pass many). */
export function formatSarif(report: Report | readonly Report[]): string {
  const reports: readonly Report[] = Array.isArray(report) ? report : [report as Report];
  const log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: reports.map(run) };
  return `${JSON.stringify(log, null, 2)}\n`;
}
