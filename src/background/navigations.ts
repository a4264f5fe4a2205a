// Chromium only: navigations that no request of the tab announces. Once a site's service worker controls its pages,
// Chromium reports neither the navigation nor the page's fetches as requests of the tab: they reach the network as
// the worker's own (tabId -1, requests.ts), and a page the worker answers from its cache makes no request at all.
// webNavigation still reports such a navigation, so the visit starts here. Firefox reports the page's navigation
// as a request of the tab (and asks for no webNavigation permission).
import browser, { type WebNavigation } from 'webextension-polyfill';
import { withoutFragment } from '../core/observe/page-left.ts';
import { startVisit, type VisitState } from '../core/observe/visit-state.ts';
import { type BackgroundContext, safely } from './context.ts';
import { saveHistory, summaryOfState } from './history.ts';
import { getTab, setTab } from './tab-store.ts';

interface PendingNavigation {
  url: string;
  origin: string;
  /** epoch ms */
  timeStamp: number;
}

/** Per tab: the top-level navigation under way that no request of the tab has started a visit for yet. */
const pending = new Map<number, PendingNavigation>();
/** Per tab: the documents committed lately; one committed again was restored from the back/forward cache. */
const committed = new Map<number, string[]>();
const MAX_DOCUMENTS = 20;

type NavigationDetails = { tabId: number; frameId: number; url: string; timeStamp: number } & {
  documentId?: string;
  documentLifecycle?: string;
  frameType?: string;
};

/** The visible document of a tab: not a frame, not a page Chromium prerenders. */
function isTopLevel(d: NavigationDetails): boolean {
  return d.frameId === 0 && d.documentLifecycle !== 'prerender' && (d.frameType === undefined || d.frameType === 'outermost_frame');
}

/** A request of the tab started the visit of its navigation: nothing to do at its commit. */
export function navigationRequested(tabId: number): void {
  pending.delete(tabId);
}

/**
 * The navigation of a tab to `url` that a service worker of `origin` is fetching for, if one is under way: its visit
 * starts now, so that the worker's fetch is the new visit's first request.
 */
export function startNavigationFetchedByWorker(ctx: BackgroundContext, origin: string, url: string): VisitState | undefined {
  // a fetch names no fragment
  const page = withoutFragment(url);
  for (const [tabId, navigation] of pending) {
    if (navigation.origin !== origin || withoutFragment(navigation.url) !== page) continue;
    pending.delete(tabId);
    return startServedVisit(ctx, tabId, navigation);
  }
  return undefined;
}

function startServedVisit(ctx: BackgroundContext, tabId: number, navigation: PendingNavigation): VisitState {
  const previous = getTab(tabId);
  if (previous) void saveHistory(summaryOfState(previous)).catch(() => undefined);
  const state = startVisit(tabId, navigation.url, navigation.timeStamp, 'browsing', ctx.prefs.gpc);
  state.servedByServiceWorker = true;
  setTab(state);
  return state;
}

function onBeforeNavigate(d: NavigationDetails): void {
  if (!isTopLevel(d) || !/^https?:\/\//i.test(d.url)) return;
  try {
    pending.set(d.tabId, { url: d.url, origin: new URL(d.url).origin, timeStamp: d.timeStamp });
  } catch {
    pending.delete(d.tabId);
  }
}

function onCommitted(ctx: BackgroundContext, d: NavigationDetails): void {
  if (!isTopLevel(d)) return;
  const navigation = pending.get(d.tabId);
  pending.delete(d.tabId);
  const documents = committed.get(d.tabId) ?? [];
  const restored = d.documentId !== undefined && documents.includes(d.documentId);
  if (d.documentId !== undefined && !restored) {
    documents.push(d.documentId);
    if (documents.length > MAX_DOCUMENTS) documents.shift();
    committed.set(d.tabId, documents);
  }
  // A document shown again from the back/forward cache is the content script's to report (page-messages.ts).
  if (restored || !navigation || !/^https?:\/\//i.test(d.url)) return;
  // Committed without a request of the tab: the service worker answered (from its cache, or by a fetch of its own
  // that did not name this URL, e.g. after a redirect).
  startServedVisit(ctx, d.tabId, { ...navigation, url: d.url });
}

export function registerNavigationListeners(ready: Promise<BackgroundContext>): void {
  if (__CANDOR_BROWSER__ !== 'chrome') return;
  // through `ready` like the request events, so that all are handled in the order they came
  browser.webNavigation.onBeforeNavigate.addListener((d: WebNavigation.OnBeforeNavigateDetailsType) => {
    void ready.then(() => safely('navigation event', () => onBeforeNavigate(d as NavigationDetails)));
  });
  browser.webNavigation.onCommitted.addListener((d: WebNavigation.OnCommittedDetailsType) => {
    void ready.then((ctx) => safely('navigation event', () => onCommitted(ctx, d as NavigationDetails)));
  });
}

export function forgetNavigations(tabId: number): void {
  pending.delete(tabId);
  committed.delete(tabId);
}
