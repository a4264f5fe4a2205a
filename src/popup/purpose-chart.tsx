// A small horizontal bar chart of tracker purposes, in plain SVG. The same numbers are in the accessible name.
import type { PurposeCount } from '../core/view/purpose-counts.ts';
import { purposeKey } from '../core/view/labels.ts';
import { formatNumber, t } from '../shared/i18n.ts';

const ROW = 22;
const LABEL = 110;
const BAR = 150;

export function PurposeChart({ counts }: { counts: readonly PurposeCount[] }) {
  if (counts.length === 0) return null;
  const summary = counts.map((c) => `${t(purposeKey(c.purpose))}: ${t('chart_value', formatNumber(c.trackers), formatNumber(c.requests))}`).join('; ');
  return (
    <figure class="chart" data-testid="purpose-chart">
      <svg viewBox={`0 0 320 ${counts.length * ROW}`} width="100%" role="img" aria-label={`${t('chart_title')}: ${summary}`}>
        {counts.map((c, i) => {
          const y = i * ROW;
          const width = Math.max(2, c.share * BAR);
          return (
            <g key={c.purpose}>
              <text x={0} y={y + 15} class="chart-label">
                {t(purposeKey(c.purpose))}
              </text>
              <rect x={LABEL} y={y + 4} width={width} height={ROW - 8} rx={3} class={`bar purpose-${c.purpose}`} />
              <text x={LABEL + width + 6} y={y + 15} class="chart-label">
                {formatNumber(c.trackers)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="muted">{t('chart_caption')}</figcaption>
    </figure>
  );
}
