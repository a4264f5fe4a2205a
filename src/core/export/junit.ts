// JUnit XML for CI: one testsuite per report, one testcase per (check, phase), one <failure> per finding at
// or above --fail-on in that phase; findings below the threshold are listed in <system-out>.
import type { Finding, Phase, Report } from '../types.ts';
import { describeEvidence } from './describe.ts';
import { escapeXml, escapeXmlAttr, stripControl } from './escape.ts';
import type { FailOn } from './severity.ts';
import { severityAtLeast, sortBySeverity } from './severity.ts';

export interface JunitOptions {
  failOn: FailOn;
}

// Terminal control and bidi characters become visible text: CI logs render these values.
const text = (value: string): string => escapeXml(stripControl(value));
const attr = (value: string): string => escapeXmlAttr(stripControl(value));

interface Case {
  phase: Phase;
  url: string;
  failures: Finding[];
  passed: Finding[];
}

function cases(report: Report, failOn: FailOn): Case[] {
  const list: Case[] = report.visits.map((v) => ({ phase: v.phase, url: v.url, failures: [], passed: [] }));
  for (const finding of sortBySeverity(report.findings)) {
    let testcase = list.find((c) => c.phase === finding.phase);
    if (testcase === undefined) {
      // a finding in a phase without a visit still needs a home, or CI would never see it
      testcase = { phase: finding.phase, url: report.url, failures: [], passed: [] };
      list.push(testcase);
    }
    (severityAtLeast(finding.severity, failOn) ? testcase.failures : testcase.passed).push(finding);
  }
  return list;
}

function findingBody(finding: Finding): string {
  return [
    `[${finding.severity}] ${finding.kind}: ${finding.title}`,
    finding.explanation,
    ...finding.evidence.map((e) => `- ${describeEvidence(e)}`),
  ].join('\n');
}

function suite(report: Report, failOn: FailOn): { xml: string; tests: number; failures: number } {
  const list = cases(report, failOn);
  const failures = list.filter((c) => c.failures.length > 0).length;
  const timestamp = report.visits[0]?.startedAt.replace(/Z$/, '').replace(/\.\d+$/, '');
  const classname = `candor.${report.site}`;
  const lines = [
    `  <testsuite name="${attr(`candor ${report.site}`)}" tests="${list.length}" failures="${failures}" errors="0" skipped="0" time="0"${timestamp === undefined ? '' : ` timestamp="${attr(timestamp)}"`}>`,
    '    <properties>',
    ...(
      [
        ['url', report.url],
        ['browser', report.tool.browser],
        ['candor.version', report.tool.version],
        ['trackerDb', report.tool.trackerDb],
        ['failOn', failOn],
      ] as const
    ).map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`),
    '    </properties>',
  ];
  for (const c of list) {
    lines.push(
      `    <testcase classname="${attr(classname)}" name="${attr(`${c.phase}: ${c.url}`)}" time="0">`,
    );
    for (const f of c.failures) {
      lines.push(
        `      <failure type="${attr(f.kind)}" message="${attr(`[${f.severity}] ${f.title}`)}">${text(findingBody(f))}</failure>`,
      );
    }
    if (c.passed.length > 0) {
      const below = c.passed.map(findingBody).join('\n\n');
      lines.push(`      <system-out>${text(`Findings below --fail-on ${failOn}:\n\n${below}`)}</system-out>`);
    }
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>');
  return { xml: lines.join('\n'), tests: list.length, failures };
}

/** One document; a crawl can pass many reports (one testsuite each). */
export function formatJunit(report: Report | readonly Report[], options: JunitOptions): string {
  const reports: readonly Report[] = Array.isArray(report) ? report : [report as Report];
  const suites = reports.map((r) => suite(r, options.failOn));
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="candor" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
