// About: Candor's version and the tracker data credit its licence asks for (CC BY-NC-SA 4.0, attribution).
import type { Report } from '../core/types.ts';
import { t } from '../shared/i18n.ts';

interface Props {
  report: Report | null;
  version: string;
  onDownload?: (() => void) | undefined;
}

export function AboutPanel({ report, version, onDownload }: Props) {
  return (
    <>
      <h2 class="panel-title">{t('tab_about')}</h2>
      <p data-testid="version">{t('about_version', version)}</p>
      <p>{t('about_what')}</p>
      <p data-testid="credit">
        {t('about_trackerData')}{' '}
        <a href="https://creativecommons.org/licenses/by-nc-sa/4.0/" target="_blank" rel="noopener noreferrer">
          CC BY-NC-SA 4.0
        </a>{' '}
        (https://creativecommons.org/licenses/by-nc-sa/4.0/)
      </p>
      {report !== null && (
        <dl class="facts">
          <dt>{t('about_browser')}</dt>
          <dd>{report.tool.browser}</dd>
          <dt>{t('about_database')}</dt>
          <dd>{report.tool.trackerDb}</dd>
        </dl>
      )}
      <p class="muted small">{t('about_local')}</p>
      {report !== null && onDownload !== undefined && (
        <button type="button" onClick={onDownload} data-testid="download-report">
          {t('about_download')}
        </button>
      )}
    </>
  );
}
