// Candor's background: the listeners it registers, in order. Every listener is registered synchronously at
// the top level (MV3 workers are woken by events) and waits for one `ready` promise before touching state.
import browser, { type Runtime } from 'webextension-polyfill';
import { startVisit } from '../core/observe/visit-state.ts';
import { worstSeverity } from '../core/report.ts';
import type { Report } from '../core/types.ts';
import { type ReportPart, reportHead } from '../core/view/report-head.ts';
import { type MessageName, REPORT_CHANNEL, type ReportPost } from '../shared/messages.ts';
import { handle } from '../shared/messaging.ts';
import { browserName } from '../shared/quirks.ts';
import { DEFAULT_PREFERENCES, preferencesItem } from '../shared/storage.ts';
import { forgetBadge, setWorstFinding, updateBadge } from './badge.ts';
import type { BackgroundContext } from './context.ts';
import { registerCookieListener } from './cookies.ts';
import { applyGpc } from './gpc.ts';
import { clearHistory, pruneHistory, readHistory, saveHistory, summaryOfReport, summaryOfState } from './history.ts';
import { onPageActivated, onPageEvents, onPageSnapshot } from './page-messages.ts';
import { refreshSnapshot, reportForVisit } from './report.ts';
import { forgetNavigations, registerNavigationListeners } from './navigations.ts';
import { registerRequestListeners, setRecordHeaders } from './requests.ts';
import { allTabs, deleteTab, getTab, persisted, restoreTabs, setTab } from './tab-store.ts';
import { loadTrackerDatabase } from './tracker-db.ts';

async function start(): Promise<BackgroundContext> {
  const [db, prefs, name] = await Promise.all([
    loadTrackerDatabase().catch((error: unknown) => {
      console.error('Candor: tracker database failed to load', error);
      return null;
    }),
    preferencesItem.get(),
    browserName(),
    restoreTabs(),
  ]);
  void applyGpc(prefs.gpc);
  void pruneHistory(prefs.retentionDays, Date.now()).catch(() => 0);
  const ctx: BackgroundContext = { db, prefs: { ...DEFAULT_PREFERENCES, ...prefs }, browser: name };
  await resumeOpenTabs(ctx);
  return ctx;
}

/**
 * Pages already open when the worker starts with no record of them (Candor was just installed or enabled, or its
 * worker was stopped before it wrote the page's start down): a visit starts now, marked `resumed`, so that what they
 * do from here on is observed rather than dropped for want of a visit.
 */
async function resumeOpenTabs(ctx: BackgroundContext): Promise<void> {
  const open = await browser.tabs.query({}).catch(() => []);
  const now = Date.now();
  for (const tab of open) {
    if (tab.id === undefined || tab.id < 0 || getTab(tab.id) || !/^https?:\/\//i.test(tab.url ?? '')) continue;
    const state = startVisit(tab.id, tab.url ?? '', now, 'browsing', ctx.prefs.gpc);
    state.resumed = true;
    setTab(state);
  }
}

/** when this worker (or Firefox event page) started: a restart shows as a new value */
const STARTED_AT = Date.now();
const ready = start();

// 1. Network and cookies: the "does" side.
registerRequestListeners(ready);
registerNavigationListeners(ready);
registerCookieListener(ready);

// 2. Tabs: a closed tab's visit goes to history and its state is dropped.
browser.tabs.onRemoved.addListener((tabId) => {
  void ready.then(() => {
    const state = getTab(tabId);
    if (state) void saveHistory(summaryOfState(state)).catch(() => undefined);
    deleteTab(tabId);
    forgetNavigations(tabId);
    forgetBadge(tabId);
    reportCache.delete(tabId);
  });
});

// 3. A report is built once a page has settled, so the popup can show it at once (and refresh it).
const prebuild = new Map<number, ReturnType<typeof setTimeout>>();
// Only for pages the visitor stays on: a new navigation cancels it, so browsing quickly costs nothing.
const PREBUILD_DELAY_MS = 3000;
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== 'complete' && change.status !== 'loading') return;
  clearTimeout(prebuild.get(tabId));
  prebuild.delete(tabId);
  if (change.status === 'loading') return;
  prebuild.set(
    tabId,
    setTimeout(() => {
      prebuild.delete(tabId);
      void tabReportText(tabId).catch(() => null);
    }, PREBUILD_DELAY_MS),
  );
});

// 4. Messages from the popup, options, report page and content scripts.
const extensionOrigin = browser.runtime.getURL('');
const FROM_PAGES: ReadonlySet<MessageName> = new Set(['pageEvents', 'pageSnapshot', 'pageActivated']);
function isTrusted(sender: Runtime.MessageSender, name: MessageName): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const fromExtensionPage = (sender.url ?? '').startsWith(extensionOrigin);
  return FROM_PAGES.has(name) ? !fromExtensionPage && sender.tab?.id !== undefined : fromExtensionPage;
}

function latestTabFor(url: string): number | null {
  const states = [...allTabs()].filter((s) => s.url === url).sort((a, b) => b.startedAt - a.startedAt);
  return states[0]?.tabId ?? null;
}

/** The last report built per tab, with the start of the visit it describes (and its JSON text, once asked for). */
const reportCache = new Map<number, { startedAt: number; report: Report; text?: string; headText?: string }>();

async function tabReport(tabId: number, cached = false) {
  const ctx = await ready;
  const hit = reportCache.get(tabId);
  if (cached && hit && hit.startedAt === getTab(tabId)?.startedAt) return hit.report;
  if (!getTab(tabId)) return null;
  await refreshSnapshot(tabId);
  const state = getTab(tabId);
  if (!state) return null;
  const report = await reportForVisit(ctx, state);
  reportCache.set(tabId, { startedAt: state.startedAt, report });
  setWorstFinding(tabId, worstSeverity(report.findings));
  updateBadge(state); // its colour says the worst finding now, not at the next tracker request
  const summary = summaryOfReport(report);
  if (summary) void saveHistory(summary).catch(() => undefined);
  return report;
}

/**
 * The report (or its head, see core/view/report-head.ts) as JSON text, kept with the cached report: the popup's
 * one big string crosses contexts far faster.
 */
async function tabReportText(tabId: number, cached = false, part: ReportPart = 'full'): Promise<string | null> {
  const report = await tabReport(tabId, cached);
  if (report === null) return null;
  const textOf = () => JSON.stringify(part === 'head' ? reportHead(report) : report);
  const entry = reportCache.get(tabId);
  if (entry?.report !== report) return textOf();
  if (part === 'head') {
    entry.headText ??= textOf();
    return entry.headText;
  }
  entry.text ??= textOf();
  return entry.text;
}

/** Posts the report's text on the report channel for the popup (see postTabReport). */
let reportChannel: BroadcastChannel | null = null;
async function postTabReport(tabId: number, cached: boolean, replyId: string, part: ReportPart): Promise<'posted' | 'none'> {
  const text = await tabReportText(tabId, cached, part);
  if (text === null) return 'none';
  reportChannel ??= new BroadcastChannel(REPORT_CHANNEL);
  const post: ReportPost = { replyId: String(replyId).slice(0, 100), text };
  reportChannel.postMessage(post);
  return 'posted';
}

handle(
  {
    ping: async () => {
      await ready;
      return { ready: true, version: __CANDOR_VERSION__, tabs: [...allTabs()].length, startedAt: STARTED_AT };
    },
    flush: async () => {
      await ready;
      await persisted();
      return { ok: true };
    },
    recordHeaders: async ({ on }) => {
      await ready;
      setRecordHeaders(on);
      return { ok: true };
    },
    getTabReport: ({ tabId }) => tabReport(tabId),
    getTabReportText: ({ tabId, cached, part }) => tabReportText(tabId, cached === true, part === 'head' ? 'head' : 'full'),
    postTabReport: ({ tabId, cached, replyId, part }) => postTabReport(tabId, cached === true, replyId, part === 'head' ? 'head' : 'full'),
    getReportByUrl: async ({ url }) => {
      await ready;
      const tabId = latestTabFor(url);
      return tabId === null ? null : tabReport(tabId);
    },
    getTabId: async ({ url }) => {
      await ready;
      return latestTabFor(url);
    },
    getPreferences: async () => (await ready).prefs,
    savePreferences: async ({ preferences }) => {
      const ctx = await ready;
      ctx.prefs = { ...DEFAULT_PREFERENCES, ...preferences };
      await preferencesItem.set(ctx.prefs);
      await applyGpc(ctx.prefs.gpc);
      void pruneHistory(ctx.prefs.retentionDays, Date.now()).catch(() => 0);
      return ctx.prefs;
    },
    getHistory: async () => {
      await ready;
      return readHistory();
    },
    exportData: async () => {
      const ctx = await ready;
      return { history: await readHistory(), preferences: ctx.prefs };
    },
    clearData: async () => {
      await ready;
      await clearHistory();
      return { cleared: true };
    },
    pageEvents: async ({ events }, sender) => {
      return onPageEvents(await ready, events, sender);
    },
    pageActivated: async ({ url }, sender) => {
      return onPageActivated(await ready, url, sender);
    },
    pageSnapshot: async ({ snapshot, readAt }, sender) => {
      await ready;
      return onPageSnapshot(snapshot, readAt, sender);
    },
  },
  isTrusted,
);
