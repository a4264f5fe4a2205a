// A finding's evidence: one line per item, page-supplied values as text.
import type { EvidenceLine } from '../core/view/findings-view.ts';
import { purposeKey } from '../core/view/labels.ts';
import { t } from '../shared/i18n.ts';
import { CappedList } from './capped-list.tsx';

function Line({ line }: { line: EvidenceLine }) {
  return (
    <li class="evidence">
      <span class="evidence-label">{t(line.key)}</span>
      {line.value !== '' && <code class="value">{line.value}</code>}
      {line.flagKey !== null && <span class="flag">{t(line.flagKey)}</span>}
      {line.purposes.length > 0 && (
        <span class="purpose-states">
          {line.purposes.map((p) => (
            <span key={p.purpose} class={p.granted ? 'granted' : 'refused'}>
              {t(purposeKey(p.purpose))}: {t(p.granted ? 'granted' : 'refused')}
            </span>
          ))}
        </span>
      )}
    </li>
  );
}

export function EvidenceList({ lines }: { lines: readonly EvidenceLine[] }) {
  if (lines.length === 0) return <p class="muted">{t('evidence_none')}</p>;
  return <CappedList items={lines} cap={20} class="evidence-list" render={(line) => <Line line={line} />} />;
}
