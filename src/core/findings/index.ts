// The findings engine: every rule over every visit, severities configured per kind, duplicates folded, stable order.
import { siteOf } from '../party.ts';
import { FINDING_KINDS, PHASES, SEVERITIES } from '../types.ts';
import type { Finding, FindingKind, Report, Severity, Visit } from '../types.ts';
import type { Expectations, IndependentClassifier, RuleContext } from './context.ts';
import { RULES } from './rules/index.ts';

export type { Classification, ClassifierInput, Expectations, IndependentClassifier, Rule, RuleContext } from './context.ts';
export { RULES } from './rules/index.ts';

export type ReportInput = Pick<Report, 'site' | 'url' | 'visits'>;

export interface FindingsOptions {
  /** overrides the default severity of a kind (the kind itself never changes) */
  severity?: Partial<Record<FindingKind, Severity>>;
  /** the independent cookie classifier `wrong-purpose` needs; without it that rule stays silent */
  classify?: IndependentClassifier;
  /** pinned expectations (candor.config.json `expect`); `unexpected-third-party`/`unexpected-purpose` need them */
  expectations?: Expectations;
}

/**
 * Kinds that do not depend on what the visitor chose: the same finding in two phases of a check is one, kept from
 * the earliest phase unless a later one holds richer evidence (then from that phase, so that the finding's phase is
 * the phase its evidence was observed in). A declaration's flaws, a cookie's lifetime against its declaration,
 * whether a cookie is declared at all or lives in a third-party context are the same before and after a click;
 * what happened in each phase (tracking, ignored refusals, shared identifiers) is not.
 */
const PHASE_INDEPENDENT_KINDS: ReadonlySet<FindingKind> = new Set([
  'unclassified-cookie',
  'contradictory-declaration',
  'invalid-metadata',
  'wrong-purpose',
  'retention-exceeds-declared',
  'undeclared-cookie',
  'third-party-cookie',
]);

function rank<T>(list: readonly T[], item: T): number {
  const index = list.indexOf(item);
  return index === -1 ? list.length : index;
}

function dedupeKey(finding: Finding): string {
  if (!PHASE_INDEPENDENT_KINDS.has(finding.kind)) {
    return JSON.stringify([finding.kind, finding.phase, finding.title, finding.evidence]);
  }
  // wrong-purpose names its cookie in the title, and may hold the observed cookie in one phase and not another (the
  // classification then sits on the cookie, else on the declaration)
  const evidence = finding.evidence
    .filter((e) => finding.kind !== 'wrong-purpose' || e.type !== 'cookie')
    .map((e) => (e.type === 'declaration' && 'classification' in e ? { ...e, classification: undefined } : e))
    .map((e) => ('phase' in e ? { ...e, phase: undefined } : e));
  return JSON.stringify([finding.kind, finding.title, evidence]);
}

/** Objects only; a visit without a known phase is judged as `browsing` (findings must carry a valid phase). */
function visitsOf(report: ReportInput): Visit[] {
  const visits: unknown = report.visits;
  if (!Array.isArray(visits)) return [];
  return visits
    .filter((v): v is Visit => typeof v === 'object' && v !== null)
    .map((v) => ((PHASES as readonly unknown[]).includes(v.phase) ? v : { ...v, phase: 'browsing' }));
}

export function computeFindings(report: ReportInput, options: FindingsOptions = {}): Finding[] {
  const visits = visitsOf(report);
  const site = (typeof report.site === 'string' && report.site) || siteOf(typeof report.url === 'string' ? report.url : '');
  const overrides = options.severity ?? {};
  const byKey = new Map<string, Finding>();
  for (const visit of visits) {
    const ctx: RuleContext = {
      visit,
      visits,
      site,
      classify: options.classify ?? null,
      ...(options.expectations ? { expectations: options.expectations } : {}),
    };
    for (const kind of FINDING_KINDS) {
      let found: Finding[];
      try {
        found = RULES[kind](ctx);
      } catch {
        found = []; // a rule must never take the report down with it; rules are written not to throw
      }
      for (const finding of found) {
        const override = overrides[finding.kind];
        if (override && (SEVERITIES as readonly string[]).includes(override)) finding.severity = override;
        const key = dedupeKey(finding);
        const seen = byKey.get(key);
        if (!seen || finding.evidence.length > seen.evidence.length) byKey.set(key, finding);
      }
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      rank(SEVERITIES, a.severity) - rank(SEVERITIES, b.severity) ||
      rank(FINDING_KINDS, a.kind) - rank(FINDING_KINDS, b.kind) ||
      rank(PHASES, a.phase) - rank(PHASES, b.phase),
  );
}
