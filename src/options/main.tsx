// Options page entry: wires the typed messages to the options UI. body[data-ready="true"] once loaded.
import { render } from 'preact';
import { downloadJson } from '../shared/download.ts';
import { documentLanguage, t } from '../shared/i18n.ts';
import { send } from '../shared/messaging.ts';
import { OptionsApp } from './options-app.tsx';
import type { OptionsApi } from './options-app.tsx';
import './options.css';

const api: OptionsApi = {
  getPreferences: () => send('getPreferences', {}),
  savePreferences: (preferences) => send('savePreferences', { preferences }),
  getHistory: () => send('getHistory', {}),
  async exportData() {
    const data = await send('exportData', {});
    downloadJson(`candor-data-${new Date().toISOString().slice(0, 10)}.json`, data);
  },
  async clearData() {
    await send('clearData', {});
  },
};

document.documentElement.lang = documentLanguage();
document.title = t('options_title');
const root = document.getElementById('app');
if (root !== null) {
  render(
    <OptionsApp
      api={api}
      onReady={() => {
        document.body.dataset.ready = 'true';
      }}
    />,
    root,
  );
}
