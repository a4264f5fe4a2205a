// Export everything Candor stored, or clear it (with a second, explicit confirmation step).
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';

interface Props {
  onExport: () => void;
  onClear: () => void;
}

export function DataControls({ onExport, onClear }: Props) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div class="data-controls">
      <button type="button" onClick={onExport} data-testid="export">
        {t('options_export')}
      </button>
      {confirming ? (
        <div class="confirm">
          <p id="clear-question">{t('options_clearConfirm')}</p>
          <button
            type="button"
            class="danger"
            data-testid="clear-confirm"
            onClick={() => {
              setConfirming(false);
              onClear();
            }}
          >
            {t('options_clearYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('options_cancel')}
          </button>
        </div>
      ) : (
        <button type="button" class="danger" data-testid="clear" onClick={() => setConfirming(true)}>
          {t('options_clear')}
        </button>
      )}
    </div>
  );
}
