// Findings, most severe first: kind, title, explanation, and the evidence behind a disclosure (rendered once
// opened: a page with dozens of findings opens at once).
import type { Report } from '../core/types.ts';
import { findingsView } from '../core/view/findings-view.ts';
import type { FindingView } from '../core/view/findings-view.ts';
import { kindKey, phaseKey, purposeKey, severityKey } from '../core/view/labels.ts';
import { formatNumber, t } from '../shared/i18n.ts';
import { CappedList } from './capped-list.tsx';
import { EvidenceList } from './evidence-list.tsx';
import { LazyDetails } from './lazy-details.tsx';

/** `count`: the finding's evidence items in the whole report (its head carries the count, not the items) */
function FindingItem({ view, count }: { view: FindingView; count: number }) {
  const { finding } = view;
  return (
    <li class={`card finding sev-${finding.severity}`} data-testid="finding" data-kind={finding.kind} data-severity={finding.severity}>
      <p class="finding-meta">
        <span class={`badge sev-${finding.severity}`}>{t(severityKey(finding.severity))}</span>
        <span class="kind">{t(kindKey(finding.kind))}</span>
        {finding.phase !== 'browsing' && <span class="phase">{t(phaseKey(finding.phase))}</span>}
        {finding.purpose !== undefined && <span class={`badge purpose-${finding.purpose}`}>{t(purposeKey(finding.purpose))}</span>}
      </p>
      <h3 class="finding-title">{finding.title}</h3>
      <p class="explanation">{finding.explanation}</p>
      {count > 0 && (
        <LazyDetails class="evidence-details" summary={t('evidence_show', formatNumber(count))}>
          {() =>
            view.evidence.length > 0 ? (
              <EvidenceList lines={view.evidence} />
            ) : (
              <p class="status status-loading" role="status">
                {t('state_loading')}
              </p>
            )
          }
        </LazyDetails>
      )}
    </li>
  );
}

/** `evidenceCounts`: with the report's head (core/view/report-head.ts), each finding's evidence count */
export function FindingsPanel({ report, evidenceCounts }: { report: Report; evidenceCounts?: readonly number[] | undefined }) {
  const views = findingsView(report);
  return (
    <>
      <h2 class="panel-title">{t('tab_findings')}</h2>
      {views.length === 0 ? (
        <p class="empty" data-testid="no-findings">
          {t('findings_none')}
        </p>
      ) : (
        <CappedList items={views} cap={50} class="cards" render={(view) => <FindingItem key={view.id} view={view} count={evidenceCounts?.[view.index] ?? view.evidence.length} />} />
      )}
    </>
  );
}
