// The popup's first view needs the report's header and findings, not its thousands of observations: the "head" is
// the report with every visit's request, cookie and storage lists left empty (their counts stay in `summary`, the
// cap counters in `truncated`). It crosses from the worker to the popup in a few milliseconds where the whole
// report takes tens; the popup paints it, then asks for the whole report (src/popup/main.tsx).
import type { Report } from '../types.ts';

export type ReportPart = 'head' | 'full';

export function reportHead(report: Report): Report {
  return {
    ...report,
    visits: report.visits.map((visit) => ({ ...visit, observed: { ...visit.observed, requests: [], cookies: [], storage: [] } })),
  };
}
