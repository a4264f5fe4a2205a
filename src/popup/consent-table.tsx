// Per purpose: what the site recorded, the visitor's saved preference, and every other consent signal.
import type { ConsentRow } from '../core/view/declared-view.ts';
import { purposeKey } from '../core/view/labels.ts';
import { t } from '../shared/i18n.ts';

function State({ value }: { value: boolean | null }) {
  if (value === null) return <span class="muted">{t('consent_notSet')}</span>;
  return <span class={value ? 'granted' : 'refused'}>{t(value ? 'granted' : 'refused')}</span>;
}

export function ConsentTable({ rows }: { rows: readonly ConsentRow[] }) {
  return (
    <table class="consent" data-testid="consent-table">
      <caption class="sr-only">{t('consent_caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('consent_purpose')}</th>
          <th scope="col">{t('consent_recorded')}</th>
          <th scope="col">{t('consent_preference')}</th>
          <th scope="col">{t('consent_signals')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.purpose} class={row.differs ? 'differs' : undefined} data-purpose={row.purpose} data-differs={row.differs}>
            <th scope="row">{t(purposeKey(row.purpose))}</th>
            <td>
              <State value={row.recorded} />
              {row.differs && <strong class="warn-text"> · {t('consent_differs')}</strong>}
            </td>
            <td>
              <State value={row.preference} />
            </td>
            <td>
              {row.signals.length === 0 ? (
                <span class="muted">–</span>
              ) : (
                row.signals.map((s) => (
                  <span key={s.source} class="signal">
                    <code class="value">{s.source}</code>: <State value={s.value} />{' '}
                  </span>
                ))
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
