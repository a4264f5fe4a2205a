// The popup header: the site, the verdict line, and counts of findings by severity, trackers and third parties.
import type { Report } from '../core/types.ts';
import { severityKey } from '../core/view/labels.ts';
import { severityCounts, verdict } from '../core/view/verdict.ts';
import { formatNumber, t } from '../shared/i18n.ts';

export function Header({ report, onRefresh }: { report: Report; onRefresh: () => void }) {
  const v = verdict(report);
  return (
    <header class="header">
      <div class="header-top">
        <h1 class="site" data-testid="site">
          {report.site || report.url}
        </h1>
        <button type="button" class="refresh" onClick={onRefresh} data-testid="refresh">
          {t('refresh')}
        </button>
      </div>
      <p class={`verdict tone-${v.tone}`} data-testid="verdict" data-tone={v.tone}>
        {t(v.key, formatNumber(v.count))}
      </p>
      <ul class="counts" aria-label={t('header_counts')}>
        {severityCounts(v.findings).map(({ severity, count }) => (
          <li key={severity} class={`count sev-${severity}`} data-testid={`count-${severity}`}>
            <span class="count-value">{formatNumber(count)}</span> {t(severityKey(severity))}
          </li>
        ))}
        <li class="count" data-testid="count-trackers">
          <span class="count-value">{formatNumber(v.trackers)}</span> {t('header_trackers')}
        </li>
        <li class="count" data-testid="count-third-parties">
          <span class="count-value">{formatNumber(v.thirdParties)}</span> {t('header_thirdParties')}
        </li>
      </ul>
      {(v.truncated.requests > 0 || v.truncated.cookies > 0) && (
        <p class="muted small" data-testid="truncated">
          {t('header_truncated', formatNumber(v.truncated.requests), formatNumber(v.truncated.cookies))}
        </p>
      )}
      {v.resumed && (
        <p class="muted small" data-testid="resumed">
          {t('header_resumed')}
        </p>
      )}
    </header>
  );
}
