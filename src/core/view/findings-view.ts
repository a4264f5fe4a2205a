// Findings in display order (most severe first), each evidence item as a label key plus text values.
import { SEVERITIES } from '../types.ts';
import type { EvidenceItem, Finding, PurposeMap, Report } from '../types.ts';
import { memoByReport } from './memo.ts';

export interface EvidenceLine {
  /** message key of the label: `evidence_cookie`, `evidence_request`, … */
  key: string;
  /** the page-supplied or technical value, as text */
  value: string;
  /** purposes granted/refused, for consent and preference evidence */
  purposes: { purpose: string; granted: boolean }[];
  /** true/false facts (choice made, GPC sent), null where not applicable */
  flag: boolean | null;
  /** message key that states the flag (`choiceMade`, `gpc_notSent`, …), null with no flag */
  flagKey: string | null;
}

export interface FindingView {
  id: string;
  /** the finding's position in `report.findings` */
  index: number;
  finding: Finding;
  evidence: EvidenceLine[];
}

function purposes(map: PurposeMap | undefined): { purpose: string; granted: boolean }[] {
  return Object.entries(map ?? {}).flatMap(([purpose, granted]) => (typeof granted === 'boolean' ? [{ purpose, granted }] : []));
}

export function evidenceLine(item: EvidenceItem): EvidenceLine {
  const line = (key: string, value: string, flag: boolean | null = null, map?: PurposeMap): EvidenceLine => ({
    key,
    value,
    flag,
    flagKey: flag === null ? null : item.type === 'gpc' ? (flag ? 'gpc_sent' : 'gpc_notSent') : flag ? 'choiceMade' : 'choiceNotMade',
    purposes: purposes(map),
  });
  switch (item.type) {
    case 'cookie':
      return line('evidence_cookie', `${item.name} (${item.domain})`);
    case 'request':
      return line('evidence_request', item.url);
    case 'storage':
      return line('evidence_storage', `${item.key} (${item.origin})`);
    case 'consent':
      // a state read earlier in the visit says when (seconds after the visit began)
      return typeof item.at === 'number' && Number.isFinite(item.at)
        ? line('evidence_consentAt', `${item.source} · ${(item.at / 1000).toFixed(1)} s`, item.choiceMade ?? null, item.purposes)
        : line('evidence_consent', item.source, item.choiceMade ?? null, item.purposes);
    case 'preference':
      return line('evidence_preference', '', null, item.purposes);
    case 'declaration': {
      const what = [item.name, item.purpose].filter((x) => x !== undefined && x !== '').join(' → ');
      return line('evidence_declaration', what === '' ? item.source : `${item.source}: ${what}`);
    }
    case 'source':
      return line('evidence_source', item.error === undefined ? item.kind : `${item.kind}: ${item.error}`);
    case 'signal':
      return line('evidence_signal', `${item.source} = ${item.value}`);
    case 'gpc':
      return line('evidence_gpc', '', item.sent);
  }
}

const RANK = new Map(SEVERITIES.map((s, i) => [s, i]));

function compute(report: Report): FindingView[] {
  return report.findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => (RANK.get(a.finding.severity) ?? 9) - (RANK.get(b.finding.severity) ?? 9) || a.index - b.index)
    .map(({ finding, index }) => ({ id: `${finding.kind}-${index}`, index, finding, evidence: finding.evidence.map(evidenceLine) }));
}

/** Findings most severe first (stable within a severity). Memoized per report. */
export const findingsView: (report: Report) => FindingView[] = memoByReport(compute);
