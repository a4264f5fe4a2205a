// Sites visited, newest first, with what was seen there.
import type { HistoryEntry } from '../shared/messages.ts';
import { historyRows } from '../core/view/preferences.ts';
import { formatDateTime, formatNumber, t } from '../shared/i18n.ts';
import { CappedList } from '../popup/capped-list.tsx';

export function HistoryList({ entries }: { entries: readonly HistoryEntry[] }) {
  const rows = historyRows(entries);
  if (rows.length === 0) return <p class="muted" data-testid="history-empty">{t('history_none')}</p>;
  return (
    <CappedList
      items={rows}
      cap={50}
      class="history"
      testId="history"
      render={(row) => (
        <li key={`${row.site}-${row.at}`} class="history-row" data-testid="history-entry" data-site={row.site}>
          <span class="site-name">{row.site}</span>
          <time dateTime={row.at} class="muted">
            {formatDateTime(row.at)}
          </time>
          <span class="muted">
            {t('history_counts', formatNumber(row.trackers), formatNumber(row.thirdParties), formatNumber(row.findings))}
          </span>
        </li>
      )}
    />
  );
}
