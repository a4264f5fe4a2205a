// Allow / refuse / no preference for each consent purpose: one radio group per purpose.
import type { ConsentPurpose, PurposeMap } from '../core/types.ts';
import { CONSENT_PURPOSES } from '../core/types.ts';
import { purposeKey } from '../core/view/labels.ts';
import { t } from '../shared/i18n.ts';

interface Props {
  /** unique per instance: radio group names and ids derive from it */
  scope: string;
  value: PurposeMap;
  onChange: (purpose: ConsentPurpose, value: boolean | null) => void;
}

const CHOICES: readonly { key: string; value: boolean | null; id: string }[] = [
  { key: 'pref_allow', value: true, id: 'allow' },
  { key: 'pref_refuse', value: false, id: 'refuse' },
  { key: 'pref_unset', value: null, id: 'unset' },
];

export function PurposeChoices({ scope, value, onChange }: Props) {
  return (
    <div class="purpose-choices" data-testid={`choices-${scope}`}>
      {CONSENT_PURPOSES.map((purpose) => {
        const current = value[purpose] ?? null;
        return (
          <fieldset key={purpose} class="choice-row" data-purpose={purpose}>
            <legend>{t(purposeKey(purpose))}</legend>
            {CHOICES.map((choice) => {
              const id = `${scope}-${purpose}-${choice.id}`;
              return (
                <span key={choice.id} class="choice">
                  <input
                    type="radio"
                    id={id}
                    name={`${scope}-${purpose}`}
                    checked={current === choice.value}
                    onChange={() => onChange(purpose, choice.value)}
                  />
                  <label for={id}>{t(choice.key)}</label>
                </span>
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}
