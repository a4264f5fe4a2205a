// The "Declared" view: every machine-readable source found (valid or not), and per purpose the consent the site
// recorded next to the visitor's saved preference, the other consent signals and the GPC state.
import { CONSENT_PURPOSES } from '../types.ts';
import type { ConsentPurpose, DeclaredSourceKind, Phase, PurposeMap, Report } from '../types.ts';
import { memoByReport } from './memo.ts';

export interface SourceRow {
  kind: DeclaredSourceKind;
  valid: boolean;
  error: string | null;
  /** flat `key: value` pairs of the source detail, values as text (page-supplied: render as text only) */
  detail: { key: string; value: string }[];
  phases: Phase[];
}

export interface ConsentRow {
  purpose: ConsentPurpose;
  /** what the site recorded: true granted, false refused, null not covered */
  recorded: boolean | null;
  preference: boolean | null;
  signals: { source: string; value: boolean }[];
  /** the site records a grant the visitor's preference refuses (consent-differs-from-preference) */
  differs: boolean;
}

export interface DeclaredView {
  sources: SourceRow[];
  consent: {
    recordedSource: string | null;
    choiceMade: boolean | null;
    rows: ConsentRow[];
    hasPreference: boolean;
    /** US frameworks: source → opted out (true), not opted out (false) */
    optOuts: { source: string; optedOut: boolean; raw: string | null }[];
    /** what the site held at each reading of the page during the visit, oldest first; empty unless it changed */
    history: { seconds: string; source: string; choiceMade: boolean }[];
  };
  gpc: { sent: boolean; supported: boolean | null };
  policyUrl: string | null;
  recipients: string[] | null;
  retentionSeconds: number | null;
  declaredCookies: number;
}

const MAX_DETAIL_VALUE = 200;

function detailValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > MAX_DETAIL_VALUE ? `${text.slice(0, MAX_DETAIL_VALUE)}…` : text;
}

function purposeValue(map: PurposeMap | null | undefined, purpose: ConsentPurpose): boolean | null {
  const value = map?.[purpose];
  return value === undefined ? null : value;
}

function compute(report: Report): DeclaredView {
  const sources = new Map<string, SourceRow>();
  for (const visit of report.visits) {
    for (const source of visit.declared.sources) {
      const detail = Object.entries(source.detail ?? {}).map(([key, value]) => ({ key, value: detailValue(value) }));
      const id = `${source.kind}|${source.valid}|${source.error ?? ''}|${JSON.stringify(detail)}`;
      const seen = sources.get(id);
      if (seen === undefined) {
        sources.set(id, { kind: source.kind, valid: source.valid, error: source.error ?? null, detail, phases: [visit.phase] });
      } else if (!seen.phases.includes(visit.phase)) {
        seen.phases.push(visit.phase);
      }
    }
  }
  // the popup's report has one visit; for phased reports the latest visit's consent is the one that stands
  const last = report.visits[report.visits.length - 1];
  const consent = last?.consent;
  const recorded = consent?.recorded ?? null;
  const preference = consent?.preference ?? null;
  const signals = consent?.signals ?? [];
  const rows = CONSENT_PURPOSES.map((purpose): ConsentRow => {
    const r = purposeValue(recorded?.purposes, purpose);
    const p = purposeValue(preference, purpose);
    return {
      purpose,
      recorded: r,
      preference: p,
      signals: signals.flatMap((s) => {
        const value = purposeValue(s.purposes, purpose);
        return value === null ? [] : [{ source: s.source, value }];
      }),
      differs: r === true && p === false,
    };
  });
  const optOuts = signals.flatMap((s) =>
    s.optedOut === true || s.optedOut === false ? [{ source: s.source, optedOut: s.optedOut, raw: s.raw ?? null }] : [],
  );
  const moments = Array.isArray(consent?.history) ? consent.history : [];
  const history =
    moments.length > 1
      ? moments.map((m) => ({ seconds: (Number.isFinite(m.at) ? m.at / 1000 : 0).toFixed(1), source: String(m.source), choiceMade: m.choiceMade === true }))
      : [];
  const declared = last?.declared;
  return {
    sources: [...sources.values()].sort((a, b) => Number(a.valid) - Number(b.valid) || a.kind.localeCompare(b.kind)),
    consent: {
      recordedSource: recorded?.source ?? null,
      choiceMade: recorded?.choiceMade ?? null,
      rows,
      hasPreference: preference !== null,
      optOuts,
      history,
    },
    gpc: { sent: last?.gpcSent ?? false, supported: declared?.gpcSupported ?? null },
    policyUrl: declared?.policyUrl ?? null,
    recipients: declared?.recipients ?? null,
    retentionSeconds: declared?.retentionSeconds ?? null,
    declaredCookies: declared?.cookies.length ?? 0,
  };
}

/** Sources (invalid first), consent per purpose, GPC. Memoized per report. */
export const declaredView: (report: Report) => DeclaredView = memoByReport(compute);

/** A page-supplied URL that may become a link: http(s) only, so `javascript:` and friends stay text. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (url === null || url === undefined) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
