// The raw candor.report/1 of a tab, as JSON text: what "export JSON" shows and what the command line reads back.
// report/index.html?tabId=N or ?url=<page URL>.
import { send } from '../shared/messaging.ts';

const out = document.getElementById('report');
const params = new URLSearchParams(location.search);

async function load(): Promise<unknown> {
  const tabId = Number(params.get('tabId'));
  if (Number.isInteger(tabId) && tabId >= 0 && params.has('tabId')) return send('getTabReport', { tabId });
  const url = params.get('url');
  if (url) return send('getReportByUrl', { url });
  return null;
}

load()
  .then((report) => {
    if (out) out.textContent = JSON.stringify(report, null, 2);
    document.body.dataset.state = report ? 'ready' : 'empty';
  })
  .catch((error: unknown) => {
    if (out) out.textContent = JSON.stringify({ error: String(error) });
    document.body.dataset.state = 'error';
  });
