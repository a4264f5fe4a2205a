// Per-site overrides of the default consent preference: add a site, edit its choices, remove it.
import { useState } from 'preact/hooks';
import type { ConsentPurpose, PurposeMap } from '../core/types.ts';
import { normalizeSiteInput } from '../core/view/preferences.ts';
import { t } from '../shared/i18n.ts';
import { PurposeChoices } from './purpose-choices.tsx';

interface Props {
  sites: Record<string, PurposeMap>;
  onChange: (site: string, purpose: ConsentPurpose, value: boolean | null) => void;
  onAdd: (site: string) => void;
  onRemove: (site: string) => void;
}

export function SiteOverrides({ sites, onChange, onAdd, onRemove }: Props) {
  const [input, setInput] = useState('');
  const [invalid, setInvalid] = useState(false);
  const names = Object.keys(sites).sort();

  const submit = (event: Event) => {
    event.preventDefault();
    const site = normalizeSiteInput(input);
    setInvalid(site === null);
    if (site === null) return;
    onAdd(site);
    setInput('');
  };

  return (
    <>
      {names.length === 0 ? (
        <p class="muted">{t('options_sitesNone')}</p>
      ) : (
        <ul class="sites-list">
          {names.map((site, i) => (
            <li key={site} class="card" data-testid="site-override" data-site={site}>
              <details>
                <summary>
                  <span class="site-name">{site}</span>
                </summary>
                <PurposeChoices scope={`site${i}`} value={sites[site] ?? {}} onChange={(purpose, value) => onChange(site, purpose, value)} />
                <button type="button" class="danger" onClick={() => onRemove(site)} aria-label={t('options_removeSite', site)}>
                  {t('options_remove')}
                </button>
              </details>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={submit}>
        <label for="add-site">{t('options_addSiteLabel')}</label>
        <input
          id="add-site"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="shop.example"
          value={input}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'add-site-error' : undefined}
          onInput={(event) => setInput(event.currentTarget.value)}
        />
        <button type="submit">{t('options_addSite')}</button>
        {invalid && (
          <p id="add-site-error" class="error-text" role="alert">
            {t('options_siteInvalid')}
          </p>
        )}
      </form>
    </>
  );
}
