// Popup entry: find the tab (the active tab, or ?tabId=N when opened as a page), ask the background for its
// report, render: first the report's head (header and findings, core/view/report-head.ts), once it is painted the
// whole report, then a freshly built one. body[data-ready="true"] marks the first settled render; body[data-state]
// says which (report | empty | error); body[data-complete="true"] (tabs.tsx) says every section holds the whole
// report; body[data-fresh="true"] says the freshly built report is on screen.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { Report } from '../core/types.ts';
import type { ReportHead, ReportPart } from '../core/view/report-head.ts';
import { parsePopupParams, reportFileName } from '../core/view/popup-params.ts';
import { downloadJson } from '../shared/download.ts';
import { documentLanguage, t } from '../shared/i18n.ts';
import { REPORT_CHANNEL, type ReportPost } from '../shared/messages.ts';
import { send } from '../shared/messaging.ts';
import { App } from './app.tsx';
import type { PopupState } from './app.tsx';
import './popup.css';

const params = parsePopupParams(location.search, location.hash);
const root = document.getElementById('app');
document.documentElement.lang = documentLanguage();
document.documentElement.dataset.mode = params.tabId === null ? 'popup' : 'page';
document.title = t('popup_title');

async function activeTabId(): Promise<number | null> {
  if (params.tabId !== null) return params.tabId;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function show(state: PopupState): void {
  if (root === null) return;
  render(
    <App
      state={state}
      version={browser.runtime.getManifest().version}
      initialView={params.view ?? 'findings'}
      onRetry={() => void load(state.status === 'report')}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onDownload={(report: Report) => downloadJson(reportFileName(report.site, new Date().toISOString()), report)}
    />,
    root,
  );
  if (state.status !== 'loading') {
    document.body.dataset.state = state.status;
    document.body.dataset.ready = 'true';
  }
}

const CHANNEL_WAIT_MS = 3000;

/**
 * The report's JSON text, posted by the background on the report channel (postTabReport); over runtime messaging
 * (getTabReportText) where no channel exists or nothing arrives in time.
 */
async function reportTextOf(tabId: number, cached: boolean, part: ReportPart): Promise<string | null> {
  if (typeof BroadcastChannel !== 'function') return send('getTabReportText', { tabId, cached, part });
  const channel = new BroadcastChannel(REPORT_CHANNEL);
  const replyId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  try {
    const arrived = new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), CHANNEL_WAIT_MS);
      channel.onmessage = (event: MessageEvent<unknown>) => {
        const post = event.data as Partial<ReportPost> | null;
        if (post?.replyId !== replyId || typeof post.text !== 'string') return;
        clearTimeout(timer);
        resolve(post.text);
      };
    });
    if ((await send('postTabReport', { tabId, cached, replyId, part })) === 'none') return null;
    return (await arrived) ?? (await send('getTabReportText', { tabId, cached, part }));
  } finally {
    channel.close();
  }
}

/** The tab's report (the background's own JSON text of it). */
async function reportOf(tabId: number, cached: boolean): Promise<Report | null> {
  const text = await reportTextOf(tabId, cached, 'full');
  return text === null ? null : (JSON.parse(text) as Report);
}

/** The head of the tab's report as last built (core/view/report-head.ts). */
async function headOf(tabId: number): Promise<ReportHead | null> {
  const text = await reportTextOf(tabId, true, 'head');
  return text === null ? null : (JSON.parse(text) as ReportHead);
}

/** Resolves after the next frame has been painted. */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** `quiet`: keep the current view on screen while fetching (refresh) instead of showing the loading state. */
async function load(quiet = false): Promise<void> {
  if (!quiet) show({ status: 'loading' });
  try {
    const tabId = await activeTabId();
    if (tabId === null) {
      show({ status: 'empty' });
      return;
    }
    // The report built when the page settled comes at once, its head first; a fresh one (the page may have moved
    // on) follows.
    if (!quiet) {
      const head = await headOf(tabId);
      if (head !== null) {
        show({ status: 'report', report: head.report, evidenceCounts: head.evidenceCounts });
        await painted();
        const whole = await reportOf(tabId, true);
        if (whole !== null) show({ status: 'report', report: whole });
      }
    }
    const fresh = await reportOf(tabId, false);
    show(fresh === null ? { status: 'empty' } : { status: 'report', report: fresh });
    document.body.dataset.fresh = 'true';
  } catch (error) {
    show({ status: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

void load();
