// The options page: consent preferences (default and per site), GPC, history retention, history, export and clear.
// Every change is saved at once; the status line announces the result.
import { useEffect, useState } from 'preact/hooks';
import type { ConsentPurpose } from '../core/types.ts';
import { clampRetentionDays, setPurpose } from '../core/view/preferences.ts';
import { t } from '../shared/i18n.ts';
import type { HistoryEntry, Preferences } from '../shared/messages.ts';
import { DataControls } from './data-controls.tsx';
import { HistoryList } from './history-list.tsx';
import { PurposeChoices } from './purpose-choices.tsx';
import { SiteOverrides } from './site-overrides.tsx';

export interface OptionsApi {
  getPreferences(): Promise<Preferences>;
  savePreferences(preferences: Preferences): Promise<Preferences>;
  getHistory(): Promise<HistoryEntry[]>;
  exportData(): Promise<void>;
  clearData(): Promise<void>;
}

interface Props {
  api: OptionsApi;
  /** called once preferences and history are on screen (or failed to load) */
  onReady?: () => void;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function OptionsApp({ api, onReady }: Props) {
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [status, setStatus] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = async () => {
    try {
      const [p, h] = await Promise.all([api.getPreferences(), api.getHistory()]);
      setPrefs(p);
      setHistory(h);
    } catch (error) {
      setLoadError(message(error));
    }
  };

  useEffect(() => {
    void load().then(() => onReady?.());
  }, []);

  const save = async (next: Preferences) => {
    setPrefs(next);
    try {
      setPrefs(await api.savePreferences(next));
      setStatus(t('options_saved'));
    } catch (error) {
      setStatus(t('options_saveError', message(error)));
    }
  };

  if (loadError !== null) return <p class="error-text" role="alert">{t('options_loadError', loadError)}</p>;
  if (prefs === null) return <p role="status">{t('state_loading')}</p>;

  const setDefault = (purpose: ConsentPurpose, value: boolean | null) => void save({ ...prefs, defaults: setPurpose(prefs.defaults, purpose, value) });
  const setSite = (site: string, purpose: ConsentPurpose, value: boolean | null) =>
    void save({ ...prefs, sites: { ...prefs.sites, [site]: setPurpose(prefs.sites[site] ?? {}, purpose, value) } });
  const addSite = (site: string) => void save({ ...prefs, sites: { ...prefs.sites, [site]: prefs.sites[site] ?? { ...prefs.defaults } } });
  const removeSite = (site: string) => {
    const { [site]: _removed, ...sites } = prefs.sites;
    void save({ ...prefs, sites });
  };

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <p class="status-line" role="status" aria-live="polite" data-testid="status">
        {status}
      </p>

      <section aria-labelledby="consent-h" data-testid="section-consent">
        <h2 id="consent-h">{t('options_consentTitle')}</h2>
        <p class="muted">{t('options_consentIntro')}</p>
        <h3>{t('options_defaults')}</h3>
        <PurposeChoices scope="default" value={prefs.defaults} onChange={setDefault} />
        <h3>{t('options_sites')}</h3>
        <p class="muted small">{t('options_sitesHelp')}</p>
        <SiteOverrides sites={prefs.sites} onChange={setSite} onAdd={addSite} onRemove={removeSite} />
      </section>

      <section aria-labelledby="gpc-h" data-testid="section-gpc">
        <h2 id="gpc-h">{t('gpc_title')}</h2>
        <p class="checkbox">
          <input id="gpc" type="checkbox" checked={prefs.gpc} onChange={(event) => void save({ ...prefs, gpc: event.currentTarget.checked })} />
          <label for="gpc">{t('options_gpc')}</label>
        </p>
        <p class="muted small">{t('options_gpcHelp')}</p>
      </section>

      <section aria-labelledby="history-h" data-testid="section-history">
        <h2 id="history-h">{t('options_historyTitle')}</h2>
        <p>
          <label for="retention">{t('options_retention')}</label>{' '}
          <input
            id="retention"
            type="number"
            min={1}
            max={365}
            value={prefs.retentionDays}
            onChange={(event) => void save({ ...prefs, retentionDays: clampRetentionDays(event.currentTarget.valueAsNumber) })}
          />
        </p>
        <HistoryList entries={history} />
      </section>

      <section aria-labelledby="data-h" data-testid="section-data">
        <h2 id="data-h">{t('options_dataTitle')}</h2>
        <p class="muted small">{t('about_local')}</p>
        <DataControls
          onExport={() => void api.exportData().catch((error: unknown) => setStatus(t('options_saveError', message(error))))}
          onClear={() =>
            void api
              .clearData()
              .then(load)
              .then(() => setStatus(t('options_cleared')))
              .catch((error: unknown) => setStatus(t('options_saveError', message(error))))
          }
        />
      </section>
    </main>
  );
}
