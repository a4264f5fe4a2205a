// What the site says (sources, policy, recipients, retention) and what was agreed (consent vs preference, GPC).
import type { Report } from '../core/types.ts';
import { declaredView, safeHttpUrl } from '../core/view/declared-view.ts';
import { formatDuration } from '../core/view/format-duration.ts';
import { formatNumber, t } from '../shared/i18n.ts';
import { ConsentTable } from './consent-table.tsx';
import { DurationText } from './duration-text.tsx';
import { SourcesList } from './sources-list.tsx';

interface Props {
  report: Report;
  onOpenOptions?: (() => void) | undefined;
}

export function DeclaredPanel({ report, onOpenOptions }: Props) {
  const view = declaredView(report);
  const policyHref = safeHttpUrl(view.policyUrl);
  const { consent, gpc } = view;
  return (
    <>
      <h2 class="panel-title">{t('tab_declared')}</h2>
      <h3>{t('declared_sources')}</h3>
      <SourcesList sources={view.sources} />
      <dl class="facts summary-facts">
        <dt>{t('declared_policy')}</dt>
        <dd data-testid="policy">
          {view.policyUrl === null ? (
            t('declared_none')
          ) : policyHref === null ? (
            <code class="value">{view.policyUrl}</code>
          ) : (
            <a href={policyHref} target="_blank" rel="noopener noreferrer" class="value">
              {view.policyUrl}
            </a>
          )}
        </dd>
        <dt>{t('declared_recipients')}</dt>
        <dd>{view.recipients === null ? t('declared_none') : view.recipients.length === 0 ? t('declared_noRecipients') : view.recipients.join(', ')}</dd>
        <dt>{t('declared_retention')}</dt>
        <dd>{view.retentionSeconds === null ? t('declared_none') : <DurationText duration={formatDuration(view.retentionSeconds)} />}</dd>
        <dt>{t('declared_cookies')}</dt>
        <dd>{formatNumber(view.declaredCookies)}</dd>
      </dl>

      <h3>{t('consent_title')}</h3>
      <p data-testid="recorded-consent">
        {consent.recordedSource === null ? (
          t('consent_noneRecorded')
        ) : (
          <>
            {t('consent_recordedBy')} <code class="value">{consent.recordedSource}</code> ·{' '}
            {t(consent.choiceMade === true ? 'choiceMade' : 'choiceNotMade')}
          </>
        )}
      </p>
      {consent.history.length > 0 && (
        <>
          <p class="small">{t('consent_history')}</p>
          <ol class="plain small" data-testid="consent-history">
            {consent.history.map((m) => (
              <li key={`${m.seconds}|${m.source}|${m.choiceMade}`}>
                {m.seconds} s · <code class="value">{m.source}</code> · {t(m.choiceMade ? 'choiceMade' : 'choiceNotMade')}
              </li>
            ))}
          </ol>
        </>
      )}
      <ConsentTable rows={consent.rows} />
      {!consent.hasPreference && <p class="muted small">{t('consent_noPreference')}</p>}
      {consent.optOuts.length > 0 && (
        <ul class="plain">
          {consent.optOuts.map((o) => (
            <li key={o.source}>
              <code class="value">{o.source}</code>: {t(o.optedOut ? 'optOut_yes' : 'optOut_no')}
              {o.raw !== null && <code class="value muted"> ({o.raw})</code>}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('gpc_title')}</h3>
      <p data-testid="gpc">
        {t(gpc.sent ? 'gpc_sent' : 'gpc_notSent')} ·{' '}
        {t(gpc.supported === null ? 'gpc_supportUnknown' : gpc.supported ? 'gpc_supported' : 'gpc_notSupported')}
      </p>
      {onOpenOptions !== undefined && (
        <button type="button" class="link-button" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      )}
    </>
  );
}
