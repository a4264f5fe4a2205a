// "What they can log": per recipient, which items of a server log the browser actually handed over.
import type { Report } from '../core/types.ts';
import { logItemKey, partyKey } from '../core/view/labels.ts';
import { LOG_ITEMS, recipientLogs } from '../core/view/recipient-logs.ts';
import type { RecipientLog } from '../core/view/recipient-logs.ts';
import { formatNumber, t } from '../shared/i18n.ts';
import { CappedList } from './capped-list.tsx';
import { LazyDetails } from './lazy-details.tsx';

function Recipient({ log }: { log: RecipientLog }) {
  return (
    <li class="card recipient" data-testid="recipient" data-site={log.site} data-party={log.party}>
      <p class="recipient-head">
        <span class="recipient-site">{log.site}</span>
        <span class={`badge party-${log.party}`}>{t(partyKey(log.party))}</span>
        <span class="muted">{t('requests_count', formatNumber(log.requests))}</span>
      </p>
      {log.trackers.length > 0 && <p class="muted small">{t('logs_trackers', log.trackers.join(', '))}</p>}
      <ul class="log-items" aria-label={t('logs_itemsLabel', log.site)}>
        {LOG_ITEMS.map((item) => {
          const state = log.items[item];
          const yes = state.count > 0;
          return (
            <li key={item} class={yes ? 'log-item yes' : 'log-item no'} data-item={item} data-handed={yes}>
              <span aria-hidden="true">{yes ? '●' : '○'}</span> {t(logItemKey(item))}
              <span class="sr-only">: {yes ? t('logs_handed', formatNumber(state.count)) : t('logs_notHanded')}</span>
            </li>
          );
        })}
      </ul>
      {log.unseen > 0 && <p class="muted small">{t('logs_unseen', formatNumber(log.unseen))}</p>}
      <LazyDetails class="examples" summary={t('logs_examples')}>
        {() => (
          <dl class="facts">
            {LOG_ITEMS.flatMap((item) => {
              const { count, example } = log.items[item];
              return example === null
                ? []
                : [
                    <dt key={`${item}-t`}>
                      {t(logItemKey(item))} ({formatNumber(count)})
                    </dt>,
                    <dd key={`${item}-d`}>
                      <code class="value">{example}</code>
                    </dd>,
                  ];
            })}
          </dl>
        )}
      </LazyDetails>
    </li>
  );
}

export function LogsPanel({ report }: { report: Report }) {
  const logs = recipientLogs(report);
  return (
    <>
      <h2 class="panel-title">{t('tab_logs')}</h2>
      <p class="intro">{t('logs_intro')}</p>
      {logs.length === 0 ? (
        <p class="empty">{t('logs_none')}</p>
      ) : (
        <CappedList items={logs} cap={30} class="cards" render={(log) => <Recipient key={log.site} log={log} />} />
      )}
    </>
  );
}
