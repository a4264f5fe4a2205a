import { describe, expect, test } from 'vitest';
import type { EvidenceItem } from '../../../src/core/types.ts';
import { findingsView } from '../../../src/core/view/findings-view.ts';
import { reportHead } from '../../../src/core/view/report-head.ts';
import { verdict } from '../../../src/core/view/verdict.ts';
import { cookie, finding, observed, request } from './fixture.ts';

describe('reportHead', () => {
  const requests = Array.from({ length: 50 }, (_, i) => request({ url: `https://cdn.example/${i}.js` }));
  const full = observed(requests, [cookie({ name: '_ga' }), cookie({ name: 'sid' })], {
    observed: { requests, cookies: [cookie({ name: '_ga' })], storage: [], truncated: { requests: 7 } },
  });
  const evidence = (n: number): EvidenceItem[] =>
    Array.from({ length: n }, (_, i) => ({ type: 'request', url: `https://t.example/${i}`, phase: 'browsing' }) as EvidenceItem);
  full.findings = [
    finding({ kind: 'third-party-cookie', severity: 'info', evidence: evidence(1) }),
    finding({ kind: 'tracking-before-consent', severity: 'high', evidence: evidence(3) }),
    finding({ kind: 'no-privacy-policy', severity: 'low', evidence: [] }),
  ];
  const head = reportHead(full);

  test('drops the observation lists and keeps everything the header shows', () => {
    const visit = head.report.visits[0];
    expect(visit?.observed.requests).toEqual([]);
    expect(visit?.observed.cookies).toEqual([]);
    expect(visit?.observed.storage).toEqual([]);
    expect(visit?.observed.truncated).toEqual({ requests: 7 });
    expect(head.report.summary).toEqual(full.summary);
    expect(visit?.declared).toEqual(full.visits[0]?.declared);
    expect(visit?.consent).toEqual(full.visits[0]?.consent);
    expect(verdict(head.report)).toEqual(verdict(full));
  });

  test('keeps the findings without their evidence, and each evidence count by the finding’s index', () => {
    expect(head.report.findings.map((f) => f.kind)).toEqual(full.findings.map((f) => f.kind));
    expect(head.report.findings.every((f) => f.evidence.length === 0)).toBe(true);
    expect(head.evidenceCounts).toEqual([1, 3, 0]);
    // the popup lists findings most severe first and looks each count up by the finding's own index
    const views = findingsView(head.report);
    expect(views.map((v) => [v.finding.kind, head.evidenceCounts[v.index]])).toEqual([
      ['tracking-before-consent', 3],
      ['no-privacy-policy', 0],
      ['third-party-cookie', 1],
    ]);
  });

  test('leaves the report it was made from alone', () => {
    expect(full.visits[0]?.observed.requests).toHaveLength(50);
    expect(full.findings[1]?.evidence).toHaveLength(3);
    expect(JSON.stringify(head).length).toBeLessThan(JSON.stringify(full).length / 3);
  });
});
