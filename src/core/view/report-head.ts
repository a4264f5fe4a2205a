// The popup's first view needs the report's header and its findings' titles, not its thousands of observations:
// the "head" is the report with every visit's request, cookie and storage lists left empty (their counts stay in
// `summary`, the cap counters in `truncated`) and each finding's evidence left out (its count kept beside it: the
// evidence is shown only when a finding's disclosure is opened). A heavy tab's head is a small fraction of the
// report and crosses from the worker to the popup in a few milliseconds where the whole report takes tens; the
// popup paints it, then asks for the whole report (src/popup/main.tsx).
import type { Report } from '../types.ts';

export type ReportPart = 'head' | 'full';

export interface ReportHead {
  report: Report;
  /** how many evidence items each finding (by its index in `report.findings`) has in the whole report */
  evidenceCounts: number[];
}

export function reportHead(report: Report): ReportHead {
  return {
    report: {
      ...report,
      findings: report.findings.map((finding) => ({ ...finding, evidence: [] })),
      visits: report.visits.map((visit) => ({ ...visit, observed: { ...visit.observed, requests: [], cookies: [], storage: [] } })),
    },
    evidenceCounts: report.findings.map((finding) => finding.evidence.length),
  };
}
