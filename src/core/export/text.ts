// The terminal report: grouped by severity, each finding with its evidence (shared/spec/cli.md).
import type { Finding, Report, Severity } from '../types.ts';
import { SEVERITIES } from '../types.ts';
import { thirdParties, trackersByCompany } from './aggregate.ts';
import { describeEvidence } from './describe.ts';
import { oneLine, stripControl } from './escape.ts';
import type { FailOn } from './severity.ts';
import { exitCodeFor, severityAtLeast } from './severity.ts';

export interface TextOptions {
  color: boolean;
  failOn: FailOn;
  /** wrap width for explanations; default 100 */
  width?: number;
}

const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
  green: '\x1b[32m',
} as const;

const SEVERITY_STYLE: Record<Severity, string> = {
  high: `${ANSI.bold}${ANSI.red}`,
  medium: ANSI.yellow,
  low: ANSI.cyan,
  info: ANSI.dim,
};

/** Greedy word wrap; paragraphs (blank lines) and line breaks in the input are kept. */
export function wrapText(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w !== '')) {
      if (line !== '' && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    lines.push(line === '' ? '' : indent + line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function formatText(report: Report, options: TextOptions): string {
  const width = options.width ?? 100;
  const paint = (style: string, text: string): string => (options.color ? `${style}${text}${ANSI.reset}` : text);
  const out: string[] = [];

  const phases = report.visits.map((v) => v.phase).join(', ') || 'none';
  out.push(paint(ANSI.bold, `Candor report for ${oneLine(report.site)}`));
  out.push(`  URL       ${oneLine(report.url)}`);
  out.push(`  Browser   ${oneLine(report.tool.browser)} (candor ${oneLine(report.tool.version)}, ${oneLine(report.tool.trackerDb)})`);
  out.push(`  Phases    ${phases}`);
  const started = report.visits[0]?.startedAt;
  if (started !== undefined) out.push(`  Started   ${oneLine(started)}`);
  out.push('');

  const s = report.summary;
  out.push(
    `${s.requests} requests · ${s.thirdParties} third parties · ${s.trackers} trackers · ${s.cookies} cookies`,
  );
  out.push(
    `Findings: ${SEVERITIES.map((sev) => paint(SEVERITY_STYLE[sev], `${s.findings[sev]} ${sev}`)).join(' · ')}`,
  );
  out.push('');

  for (const severity of SEVERITIES) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(paint(SEVERITY_STYLE[severity], `${severity.toUpperCase()} (${group.length})`));
    for (const finding of group) out.push(...findingLines(finding, width, paint));
    out.push('');
  }
  if (report.findings.length === 0) out.push('No findings.', '');

  const companies = trackersByCompany(report);
  out.push(paint(ANSI.bold, 'Trackers by company'));
  if (companies.length === 0) out.push('  none seen');
  for (const company of companies) {
    out.push(`  ${oneLine(company.organization ?? 'Unknown company')} (${plural(company.requests, 'request')})`);
    for (const t of company.trackers) {
      out.push(`    ${oneLine(t.name)} — ${t.purpose}, ${plural(t.requests, 'request')}, in ${t.phases.join(', ')}`);
      for (const c of t.cloaked) out.push(`      behind the site's own ${oneLine(c.host)} (CNAME ${oneLine(c.cname)})`);
    }
  }
  out.push('');

  const parties = thirdParties(report);
  out.push(paint(ANSI.bold, 'Third parties'));
  if (parties.length === 0) out.push('  none seen');
  for (const p of parties) {
    const trackers = p.trackers.length > 0 ? ` — ${p.trackers.map(oneLine).join(', ')}` : '';
    out.push(`  ${oneLine(p.site)}: ${plural(p.requests, 'request')}${trackers}`);
  }
  out.push('');

  if (options.failOn !== 'none') {
    const failing = report.findings.filter((f) => severityAtLeast(f.severity, options.failOn)).length;
    out.push(
      exitCodeFor(report, options.failOn) === 1
        ? paint(SEVERITY_STYLE.high, `FAIL: ${failing} finding(s) at or above ${options.failOn}`)
        : paint(ANSI.green, `PASS: no finding at or above ${options.failOn}`),
    );
  }
  return `${out.join('\n')}\n`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function findingLines(finding: Finding, width: number, paint: (style: string, text: string) => string): string[] {
  const lines = [
    `  ${paint(ANSI.bold, oneLine(finding.title))} ${paint(ANSI.dim, `[${finding.kind}, ${finding.phase}]`)}`,
    ...wrapText(stripControl(finding.explanation.replace(/\r\n?/g, '\n')), width, '    '),
  ];
  for (const item of finding.evidence) lines.push(`    - ${oneLine(describeEvidence(item))}`);
  return lines;
}
