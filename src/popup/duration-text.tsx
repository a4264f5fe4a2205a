// A Duration from src/core/view as translated text ("2 years", "2 Jahre").
import type { Duration } from '../core/view/format-duration.ts';
import { formatNumber, t } from '../shared/i18n.ts';

export function DurationText({ duration }: { duration: Duration }) {
  return <>{t(duration.key, formatNumber(duration.value))}</>;
}
