// The engine as a whole: every kind has a rule and is raised by a fixture, evidence points into the report,
// severities are configurable, order is stable, phases are kept apart, hostile data never throws.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeFindings } from '../../../src/core/findings/index.ts';
import type { IndependentClassifier, ReportInput } from '../../../src/core/findings/index.ts';
import { RULES } from '../../../src/core/findings/rules/index.ts';
import { FINDING_KINDS, PHASES, SEVERITIES } from '../../../src/core/types.ts';
import type { EvidenceItem, Finding } from '../../../src/core/types.ts';
import { GA_COOKIE, declaredCookie, visit } from './builders.ts';

function fixture(name: string): ReportInput {
  return JSON.parse(readFileSync(new URL(`../../fixtures/findings/${name}`, import.meta.url), 'utf8')) as ReportInput;
}

const classify: IndependentClassifier = ({ name }) =>
  name === '_gcl_au'
    ? { purpose: 'advertising', source: 'known-cookie', detail: 'Google Ads conversion linker' }
    : name === '_ga'
      ? { purpose: 'analytics', source: 'known-cookie' }
      : { purpose: 'unknown', source: 'unknown' };

const phased = fixture('phased-shop.json');
const noCmp = fixture('no-consent-mechanism.json');
const all = [
  { report: phased, findings: computeFindings(phased, { classify }) },
  { report: noCmp, findings: computeFindings(noCmp, { classify }) },
  // a site owner's candor.config.json: only Google Analytics expected, no advertising
  {
    report: phased,
    findings: computeFindings(phased, {
      classify,
      expectations: { thirdParties: ['google-analytics.com'], purposes: ['necessary', 'functional', 'analytics'] },
    }),
  },
];
const raised = new Set(all.flatMap(({ findings }) => findings.map((f) => f.kind)));

describe('every kind', () => {
  test.each(FINDING_KINDS.map((kind) => [kind]))('%s has a rule and a fixture raises it', (kind) => {
    expect(typeof RULES[kind]).toBe('function');
    expect(raised.has(kind)).toBe(true);
  });

  test('no rule exists for a kind outside the contract', () => {
    expect(Object.keys(RULES).sort()).toEqual([...FINDING_KINDS].sort());
  });
});

function pointsIntoReport(item: EvidenceItem, report: ReportInput): boolean {
  const visits = report.visits.filter((v) => !('phase' in item) || item.phase === undefined || v.phase === item.phase);
  switch (item.type) {
    case 'cookie':
      return visits.some((v) => v.observed.cookies.some((c) => c.name === item.name && c.domain === item.domain));
    case 'request':
      return visits.some((v) => v.observed.requests.some((r) => r.url === item.url));
    case 'source':
      return visits.some((v) => v.declared.sources.some((s) => s.kind === item.kind && s.valid === false));
    case 'declaration':
      return (
        item.name === undefined ||
        visits.some((v) => v.declared.cookies.some((d) => d.name === item.name && d.source === item.source))
      );
    case 'consent':
      return visits.length > 0;
    default:
      return true;
  }
}

describe('evidence', () => {
  const rows = all.flatMap(({ report, findings }) =>
    findings.flatMap((finding) => finding.evidence.map((item) => ({ report, finding, item }))),
  );

  test('fixtures produce evidence to check', () => {
    expect(rows.filter((r) => r.item.type === 'cookie').length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.item.type === 'request').length).toBeGreaterThan(3);
  });

  test.each(rows.map((r) => [r.finding.kind, r.item.type, r]))('%s → %s points at the report', (_, __, row) => {
    expect(pointsIntoReport(row.item, row.report)).toBe(true);
  });

  test('a made-up cookie would fail the check (the check can fail)', () => {
    expect(pointsIntoReport({ type: 'cookie', name: 'nope', domain: '.shop.example' }, phased)).toBe(false);
  });
});

describe('computeFindings', () => {
  const findings = computeFindings(phased, { classify });

  test('order: severity, then kind, then phase', () => {
    // one sortable number per finding: severity, then kind, then phase
    const keys = findings.map(
      (f) => SEVERITIES.indexOf(f.severity) * 10_000 + FINDING_KINDS.indexOf(f.kind) * 100 + PHASES.indexOf(f.phase),
    );
    const sorted = [...keys].sort((a, b) => a - b);
    expect(keys).toEqual(sorted);
  });

  test('is deterministic', () => {
    expect(computeFindings(phased, { classify })).toEqual(findings);
  });

  test('severity can be configured per kind; the kind never changes', () => {
    const configured = computeFindings(phased, { classify, severity: { 'third-party-cookie': 'high', 'wrong-purpose': 'low' } });
    const byKind = (list: Finding[], kind: Finding['kind']) => list.filter((f) => f.kind === kind);
    expect(byKind(configured, 'third-party-cookie').map((f) => f.severity)).toEqual(['high']);
    expect(byKind(configured, 'wrong-purpose').map((f) => f.severity)).toEqual(['low']);
    expect(byKind(findings, 'wrong-purpose').map((f) => f.severity)).toEqual(['high']);
    expect(configured.map((f) => f.kind).sort()).toEqual(findings.map((f) => f.kind).sort());
  });

  test('phase-independent findings are reported once, traffic findings once per phase', () => {
    expect(findings.filter((f) => f.kind === 'unclassified-cookie')).toHaveLength(1);
    expect(findings.filter((f) => f.kind === 'invalid-metadata')).toHaveLength(2);
    expect(findings.filter((f) => f.kind === 'no-privacy-policy')).toHaveLength(1);
    expect(findings.filter((f) => f.kind === 'retention-exceeds-declared')).toHaveLength(1);
    expect(findings.filter((f) => f.kind === 'third-party-cookie').map((f) => f.phase)).toEqual(['before-consent']);
    expect(findings.filter((f) => f.kind === 'gpc-ignored').map((f) => f.phase)).toEqual(['before-consent']);
    expect(findings.filter((f) => f.kind === 'identifier-shared').map((f) => f.phase)).toEqual(['before-consent', 'after-reject']);
    const twice = { ...phased, visits: [...phased.visits, { ...phased.visits[0], phase: 'after-accept' }] } as ReportInput;
    const again = computeFindings(twice, { classify });
    expect(again.filter((f) => f.kind === 'third-party-cookie').map((f) => f.phase)).toEqual(['before-consent']);
    expect(again.filter((f) => f.kind === 'undeclared-cookie').map((f) => f.phase)).toEqual(['before-consent']);
    expect(again.filter((f) => f.kind === 'gpc-ignored').map((f) => f.phase)).toEqual(['before-consent', 'after-accept']);
  });

  test('a declaration finding merged across phases takes the phase its cookie evidence was observed in', () => {
    const declared = { cookies: [declaredCookie({ name: '_ga', purpose: 'necessary' })] };
    const report = {
      site: 'shop.example',
      url: 'https://www.shop.example/',
      visits: [visit({ phase: 'before-consent', declared }), visit({ phase: 'after-accept', declared, cookies: [{ ...GA_COOKIE, purpose: 'necessary', purposeSource: 'declared' }] })],
    } as ReportInput;
    const [wrong, ...more] = computeFindings(report, { classify }).filter((f) => f.kind === 'wrong-purpose');
    expect(more).toEqual([]);
    expect(wrong?.phase).toBe('after-accept');
    expect(wrong?.evidence.find((e) => e.type === 'cookie')).toMatchObject({ name: '_ga', phase: 'after-accept' });
  });

  test('phases: before-consent tracking, after-reject ignored consent, and not the other way round', () => {
    const phasesOf = (kind: Finding['kind']) => [...new Set(findings.filter((f) => f.kind === kind).map((f) => f.phase))];
    expect(phasesOf('tracking-before-consent')).toEqual(['before-consent']);
    expect(phasesOf('consent-ignored')).toEqual(['after-reject']);
    expect(phasesOf('consent-signals-disagree')).toEqual(['after-reject']);
  });

  test('titles name the concrete cookie or company', () => {
    const titles = findings.filter((f) => f.kind === 'tracking-before-consent').map((f) => f.title);
    expect(titles).toEqual(expect.arrayContaining([expect.stringContaining('_ga'), expect.stringContaining('Google Analytics')]));
  });

  test('without a classifier, wrong-purpose stays silent and nothing else changes', () => {
    const plain = computeFindings(phased);
    expect(plain.some((f) => f.kind === 'wrong-purpose')).toBe(false);
    expect(plain).toHaveLength(findings.length - 1);
  });

  test('hostile report data never throws and still yields findings', () => {
    const hostile = fixture('hostile.json');
    let result: Finding[] = [];
    expect(() => {
      result = computeFindings(hostile, { classify });
    }).not.toThrow();
    expect(result.some((f) => f.kind === 'unclassified-cookie')).toBe(true);
    for (const f of result) {
      expect(PHASES).toContain(f.phase);
      expect(SEVERITIES).toContain(f.severity);
      expect(FINDING_KINDS).toContain(f.kind);
    }
    expect(computeFindings({ site: '', url: '', visits: [] })).toEqual([]);
    expect(computeFindings({ site: 'x', url: 'x', visits: null } as unknown as ReportInput)).toEqual([]);
  });
});
