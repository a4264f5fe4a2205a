// Cookies: purpose and how it was decided, lifetime, setter, declared vs observed. Mismatches come first.
import type { Report } from '../core/types.ts';
import { cookieRows } from '../core/view/cookie-rows.ts';
import type { CookieRow } from '../core/view/cookie-rows.ts';
import { partyKey, purposeKey, purposeSourceKey, setterKey, statusKey } from '../core/view/labels.ts';
import { t } from '../shared/i18n.ts';
import { CappedList } from './capped-list.tsx';
import { DurationText } from './duration-text.tsx';

function CookieItem({ row }: { row: CookieRow }) {
  const warn = row.status === 'purpose-differs' || row.status === 'undeclared' || row.outlivesDeclared;
  return (
    <li class={`card cookie${warn ? ' warn' : ''}`} data-testid="cookie" data-name={row.name} data-status={row.status}>
      <p class="cookie-head">
        {row.name === '' ? (
          <span class="cookie-name nameless">{t('cookie_nameless')}</span>
        ) : (
          <code class="value cookie-name">{row.name}</code>
        )}
        <span class={`badge purpose-${row.purpose}`}>{t(purposeKey(row.purpose))}</span>
        <span class={`badge status-${row.status}`}>{t(statusKey(row.status))}</span>
        {row.removed && <span class="badge">{t('cookie_removed')}</span>}
      </p>
      <dl class="facts">
        <dt>{t('cookie_domain')}</dt>
        <dd>
          <code class="value">
            {row.domain}
            {row.path === '/' ? '' : row.path}
          </code>{' '}
          ({t(partyKey(row.party))})
        </dd>
        <dt>{t('cookie_purposeSource')}</dt>
        <dd>
          {t(purposeSourceKey(row.purposeSource))}
          {row.purposeDetail !== null && <span class="muted"> · {row.purposeDetail}</span>}
        </dd>
        <dt>{t('cookie_lifetime')}</dt>
        <dd>
          {row.lifetime === null ? t('cookie_session') : <DurationText duration={row.lifetime} />}
          {row.outlivesDeclared && <strong class="warn-text"> · {t('cookie_outlives')}</strong>}
        </dd>
        <dt>{t('cookie_setBy')}</dt>
        <dd>
          {t(setterKey(row.setBy.via))}
          {row.setterHost !== '' && (
            <>
              {' · '}
              <code class="value" title={row.setBy.url}>
                {row.setterHost}
              </code>
            </>
          )}
        </dd>
        <dt>{t('cookie_declared')}</dt>
        <dd>
          {row.declaration === null ? (
            t(row.status === 'no-declaration' ? 'cookie_noDeclaration' : 'cookie_notListed')
          ) : (
            <>
              {t(purposeKey(row.declaration.purpose))}
              {row.declaration.retention !== null ? (
                <>
                  {' · '}
                  <DurationText duration={row.declaration.retention} />
                </>
              ) : (
                row.declaration.session && ` · ${t('cookie_session')}`
              )}
              <span class="muted"> · {row.declaration.source}</span>
            </>
          )}
        </dd>
      </dl>
    </li>
  );
}

export function CookiesPanel({ report }: { report: Report }) {
  const rows = cookieRows(report);
  return (
    <>
      <h2 class="panel-title">{t('tab_cookies')}</h2>
      {rows.length === 0 ? (
        <p class="empty">{t('cookies_none')}</p>
      ) : (
        <CappedList items={rows} cap={40} class="cards" render={(row) => <CookieItem key={row.id} row={row} />} />
      )}
    </>
  );
}
