// Every machine-readable source found on the page, valid or not, with its parse error and detail as text.
import type { SourceRow } from '../core/view/declared-view.ts';
import { phaseKey, sourceKindKey } from '../core/view/labels.ts';
import { t } from '../shared/i18n.ts';
import { LazyDetails } from './lazy-details.tsx';

function Source({ source }: { source: SourceRow }) {
  return (
    <li class={`card source${source.valid ? '' : ' warn'}`} data-testid="source" data-kind={source.kind} data-valid={source.valid}>
      <p class="source-head">
        <span class="source-kind">{t(sourceKindKey(source.kind))}</span>
        <span class={`badge ${source.valid ? 'valid' : 'invalid'}`}>{t(source.valid ? 'source_valid' : 'source_invalid')}</span>
        {source.phases.length > 1 || source.phases[0] !== 'browsing' ? (
          <span class="muted small">{source.phases.map((p) => t(phaseKey(p))).join(', ')}</span>
        ) : null}
      </p>
      {source.error !== null && (
        <p class="error-text">
          {t('source_error')} <code class="value">{source.error}</code>
        </p>
      )}
      {source.detail.length > 0 && (
        <LazyDetails summary={t('source_detail')}>
          {() => (
            <dl class="facts">
              {source.detail.flatMap(({ key, value }) => [
                <dt key={`${key}-t`}>
                  <code>{key}</code>
                </dt>,
                <dd key={`${key}-d`}>
                  <code class="value">{value}</code>
                </dd>,
              ])}
            </dl>
          )}
        </LazyDetails>
      )}
    </li>
  );
}

export function SourcesList({ sources }: { sources: readonly SourceRow[] }) {
  if (sources.length === 0) return <p class="empty">{t('sources_none')}</p>;
  return (
    <ul class="cards">
      {sources.map((source, i) => (
        <Source key={`${source.kind}-${i}`} source={source} />
      ))}
    </ul>
  );
}
