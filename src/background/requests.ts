// webRequest glue (observe only, never blocking): each event → one core call on the tab's visit state.
import browser, { type WebRequest } from 'webextension-polyfill';
import { classifyRequest } from '../core/observe/classify-request.ts';
import { bodyIdentifierKeys, type HeaderList, type RequestBody, summarizeSent } from '../core/observe/sent-data.ts';
import {
  isKnownRequest,
  isNavigationUnanswered,
  LIMITS,
  isPending,
  recordBody,
  recordCompleted,
  recordError,
  recordRedirect,
  recordRequest,
  recordResponse,
  recordSent,
  startVisit,
  type VisitState,
} from '../core/observe/visit-state.ts';
import { absorbAbandoned, isAbortedNavigation, keepsPageOnScreen } from '../core/observe/abandoned.ts';
import { isFromPageLeft, type RequestOrigin } from '../core/observe/page-left.ts';
import { serviceWorkerOrigin, visitForWorker } from '../core/observe/service-worker.ts';
import { setCookieNames as setCookieNamesOf } from '../core/cookies/parse-set-cookie.ts';
import { isNetworkUrl } from '../core/party.ts';
import { NETWORK_TEXT_IS_BYTES, networkText } from '../shared/quirks.ts';
import { type RequestEventName, requestListenerSpecs } from '../shared/request-listeners.ts';
import { updateBadge } from './badge.ts';
import { uncloak } from './cname.ts';
import { type BackgroundContext, safely } from './context.ts';
import { saveHistory, summaryOfState } from './history.ts';
import { navigationRequested, startNavigationFetchedByWorker } from './navigations.ts';
import { allTabs, getLeft, getPrerender, getTab, leftVisits, markDirty, returnToLeft, setPrerender, setTab } from './tab-store.ts';

const FILTER: WebRequest.RequestFilter = { urls: ['<all_urls>'] };

/** Full headers are kept only when asked for (HAR export from the CLI), to keep memory small otherwise. */
let recordHeaders = false;
export function setRecordHeaders(on: boolean): void {
  recordHeaders = on;
}

/** Header values as text (Firefox hands them over as bytes: see networkText); Chromium's as they come, uncopied. */
function headerList(headers: WebRequest.HttpHeaders | undefined): HeaderList {
  if (!headers) return [];
  if (!NETWORK_TEXT_IS_BYTES) return headers;
  return headers.map((h) => (h.value === undefined ? { name: h.name } : { name: h.name, value: networkText(h.value) }));
}

function headerPairs(headers: HeaderList): [string, string][] {
  return headers.slice(0, 200).map((h) => [h.name.toLowerCase(), (h.value ?? '').slice(0, 8192)]);
}

/** The handler of each event in request-listeners.ts (which says why these events and no others). */
function handlers(ready: Promise<BackgroundContext>): Record<RequestEventName, (d: never) => undefined> {
  return {
    onBeforeRequest: (d: WebRequest.OnBeforeRequestDetailsType) => {
      void ready.then((ctx) => safely('request event', () => onBeforeRequest(ctx, d)));
      return undefined;
    },
    onSendHeaders: (d: WebRequest.OnSendHeadersDetailsType) => {
      void ready.then((ctx) => safely('request event', () => onSendHeaders(ctx, d)));
      return undefined;
    },
    onHeadersReceived: (d: WebRequest.OnHeadersReceivedDetailsType) => {
      void ready.then(() => safely('request event', () => onHeadersReceived(d)));
      return undefined;
    },
    onBeforeRedirect: (d: WebRequest.OnBeforeRedirectDetailsType) => {
      void ready.then((ctx) => safely('request event', () => onResponse(ctx, d, true)));
      return undefined;
    },
    onCompleted: (d: WebRequest.OnCompletedDetailsType) => {
      void ready.then((ctx) => safely('request event', () => onResponse(ctx, d, false)));
      return undefined;
    },
    onErrorOccurred: (d: WebRequest.OnErrorOccurredDetailsType) => {
      void ready.then((ctx) => safely('request event', () => onError(ctx, d)));
      return undefined;
    },
  };
}

interface AnyRequestEvent {
  addListener(listener: (d: never) => undefined, filter: WebRequest.RequestFilter, extraInfoSpec?: string[]): void;
}

/** Firefox rejects an options argument on events that take none (onErrorOccurred), even an empty one. */
function addListener(event: AnyRequestEvent, listener: (d: never) => undefined, filter: WebRequest.RequestFilter, extra: string[]): void {
  if (extra.length) event.addListener(listener, filter, extra);
  else event.addListener(listener, filter);
}

export function registerRequestListeners(ready: Promise<BackgroundContext>): void {
  const handle = handlers(ready);
  for (const spec of requestListenerSpecs(__CANDOR_BROWSER__)) {
    const event = browser.webRequest[spec.event] as unknown as AnyRequestEvent;
    if (spec.types) {
      try {
        addListener(event, handle[spec.event], { urls: ['<all_urls>'], types: spec.types as WebRequest.ResourceType[] }, spec.extraInfoSpec);
        continue;
      } catch (error) {
        // A browser that no longer knows one of the types: every request is better than none.
        console.warn(`Candor: ${spec.event} listens to every type`, error);
      }
    }
    addListener(event, handle[spec.event], FILTER, spec.extraInfoSpec);
  }
}

type RequestDetails = {
  requestId: string;
  tabId: number;
  url: string;
  method: string;
  type: string;
  frameId: number;
  timeStamp: number;
  originUrl?: string | undefined;
};

/**
 * A request of a page Chromium prerenders in the tab (speculation rules) before the visitor opens it: the navigation
 * of a main frame that is not the tab's own (frameId ≠ 0), or a request of a document still prerendering. It must
 * neither start nor mix into the visit of the page the visitor sees; it goes to the tab's prerender (tab-store.ts).
 */
function isPrerender(d: { type: string; frameId: number }): boolean {
  return (d.type === 'main_frame' && d.frameId !== 0) || (d as { documentLifecycle?: string }).documentLifecycle === 'prerender';
}

/**
 * A document's prefetch of a page it may navigate to (speculation rules, ahead of a prerender): Chromium reports it
 * as a main_frame request that, unlike a navigation, carries the prefetching document's id. It is a request of the
 * page on screen (the server sees a visit to the prefetched page), not a navigation: it starts no visit.
 */
function isSpeculative(d: { type: string; frameId: number }): boolean {
  return d.type === 'main_frame' && typeof (d as { documentId?: unknown }).documentId === 'string' && !isPrerender(d);
}

/**
 * The visit a request to the network belongs to: its tab's, its prerender's, or, for a request of a site's service
 * worker (no tab), the visit of the page the worker works for (core/observe/service-worker.ts).
 */
function visitOf(d: RequestDetails): VisitState | undefined {
  if (d.tabId >= 0) {
    if (!isNetworkUrl(d.url)) return undefined;
    if (isPrerender(d)) return getPrerender(d.tabId);
    const state = getTab(d.tabId);
    if (!state || d.type === 'main_frame') return state;
    // a request of the page the tab has just left belongs to that page's visit (no visit's once it is no longer kept)
    const left = getLeft(d.tabId);
    return isFromPageLeft(d as RequestDetails & RequestOrigin, state, left) ? left : state;
  }
  const origin = d.tabId === -1 && isNetworkUrl(d.url) ? serviceWorkerOrigin(d as RequestDetails & { initiator?: string }) : null;
  if (origin === null) return undefined;
  // Chromium hands a keepalive fetch still running when its page is gone to the browser: it has no tab any more
  return visitForWorker(allTabs(), origin) ?? visitForWorker(leftVisits(), origin) ?? undefined;
}

function onBeforeRequest(ctx: BackgroundContext, d: WebRequest.OnBeforeRequestDetailsType): void {
  let state = visitOf(d);
  if (d.tabId < 0) {
    // Chromium: a worker's fetch of a navigation under way in a tab it controls starts that tab's visit
    if (d.type === 'xmlhttprequest' && !(state && isKnownRequest(state, d.requestId))) {
      const origin = serviceWorkerOrigin(d as RequestDetails & { initiator?: string });
      state = (origin !== null && startNavigationFetchedByWorker(ctx, origin, d.url)) || state;
    }
  } else if (d.type === 'main_frame' && !isSpeculative(d) && isNetworkUrl(d.url) && (!state || !isKnownRequest(state, d.requestId))) {
    // A top-level navigation starts a new visit (a prerender's, kept apart); the redirect hops stay in it.
    const next = startVisit(d.tabId, d.url, d.timeStamp, 'browsing', ctx.prefs.gpc);
    next.navigationId = d.requestId;
    if (isPrerender(d)) setPrerender(next);
    else {
      navigationRequested(d.tabId);
      // a navigation this one takes over before any answer was never a page: no history, and not the page left
      const shown = state !== undefined && !isNavigationUnanswered(state);
      if (state && shown) void saveHistory(summaryOfState(state)).catch(() => undefined);
      setTab(next, shown);
    }
    state = next;
  }
  if (!state || !d.requestBody) return;
  recordBody(state, d.requestId, bodyIdentifierKeys(d.requestBody as unknown as RequestBody));
}

/** Records the request (or its next redirect hop) when it is not known yet. */
function ensureRequest(ctx: BackgroundContext, state: VisitState, d: RequestDetails): void {
  if (isPending(state, d.requestId)) return;
  const speculative = isSpeculative(d);
  // no tab: a service worker's, when the visit is a tab's own (see visitOf)
  const serviceWorker = d.tabId < 0 && getTab(state.tabId) === state;
  if (d.type === 'main_frame' && !speculative && !serviceWorker) state.url = d.url.slice(0, LIMITS.urlLength);
  const initiator = (d as { initiator?: string }).initiator ?? d.originUrl;
  const cls = classifyRequest(ctx.db, d.url, state.url, state.topSite, d.type);
  recordRequest(
    state,
    {
      requestId: d.requestId,
      url: d.url,
      method: d.method,
      type: d.type,
      frameId: d.frameId,
      initiator,
      timeStamp: d.timeStamp,
      ...(speculative ? { speculative } : {}),
      ...(serviceWorker ? { serviceWorker } : {}),
    },
    cls,
  );
  markDirty(state);
  // a prerender is no tab's visit yet, and the page a tab has left is no longer its visit: no badge
  if (getTab(state.tabId) !== state) {
    // the left page's history summary counts what it sent on its way out
    if (getLeft(state.tabId) === state) void saveHistory(summaryOfState(state)).catch(() => undefined);
    return;
  }
  if (cls.tracker) updateBadge(state);
  else if (cls.party === 'first') {
    const visit = state;
    uncloak(ctx.db, visit, d.url, () => {
      markDirty(visit, true); // it names the tracker on every earlier request to that host
      updateBadge(visit);
    });
  }
}

function onSendHeaders(ctx: BackgroundContext, d: WebRequest.OnSendHeadersDetailsType): void {
  const state = visitOf(d);
  if (!state) return; // requests of a page that started before Candor did
  ensureRequest(ctx, state, d);
  const headers = headerList(d.requestHeaders);
  recordSent(state, d.requestId, summarizeSent(headers, d.url), recordHeaders ? headerPairs(headers) : undefined);
  markDirty(state);
}

type ResponseDetails = WebRequest.OnCompletedDetailsType | WebRequest.OnBeforeRedirectDetailsType;

function onResponse(ctx: BackgroundContext, d: ResponseDetails, redirect: boolean): void {
  const state = visitOf(d);
  if (!state) return;
  if (!isPending(state, d.requestId)) {
    // Chromium and Firefox announce headers for HTTP-cache hits too (end-to-end: demo suite); a cached response
    // whose headers were never announced is still a request of the page.
    if (redirect || !d.fromCache) return;
    ensureRequest(ctx, state, d);
  }
  const setCookieNames: string[] = [];
  let p3p: string | undefined;
  let size: number | undefined;
  const headers = headerList(d.responseHeaders);
  for (const h of headers) {
    const name = h.name.toLowerCase();
    // Firefox joins several Set-Cookie headers with newlines.
    if (name === 'set-cookie' && h.value) setCookieNames.push(...setCookieNamesOf(h.value));
    else if (name === 'p3p') p3p = h.value;
    else if (name === 'content-length') size = Number(h.value);
  }
  recordResponse(state, d.requestId, {
    statusCode: d.statusCode,
    setCookieNames,
    p3p,
    size,
    headers: recordHeaders ? headerPairs(headers) : undefined,
  });
  if (redirect) {
    recordCompleted(state, d.requestId, d.statusCode, d.fromCache, d.ip, false);
    recordRedirect(state, d.requestId);
  } else recordCompleted(state, d.requestId, d.statusCode, d.fromCache, d.ip);
  markDirty(state);
  if (!redirect && isTabNavigation(d, state)) {
    const header = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value;
    if (keepsPageOnScreen(d.statusCode, header('content-disposition'), header('content-type'))) returnToPage(ctx, d.tabId);
  }
}

/** The navigation that started the tab's current visit (not a prerender's, not a prefetch). */
function isTabNavigation(d: RequestDetails, state: VisitState): boolean {
  return state.navigationId === d.requestId && d.tabId >= 0 && getTab(d.tabId) === state;
}

/**
 * The tab's navigation did not replace the page on screen (core/observe/abandoned.ts): the page's visit is the tab's
 * again, with the navigation's request in it.
 */
function returnToPage(ctx: BackgroundContext, tabId: number): void {
  const back = returnToLeft(tabId);
  if (!back) return;
  const { page, abandoned } = back;
  absorbAbandoned(page, abandoned, (r) => classifyRequest(ctx.db, r.url, page.url, page.topSite, r.type));
  updateBadge(page);
}

/** Firefox only (request-listeners.ts): the status of a response the browser may stop reading before it completes. */
function onHeadersReceived(d: WebRequest.OnHeadersReceivedDetailsType): void {
  const state = visitOf(d);
  if (!state || !isPending(state, d.requestId)) return;
  recordCompleted(state, d.requestId, d.statusCode, false, undefined, false);
}

function onError(ctx: BackgroundContext, d: WebRequest.OnErrorOccurredDetailsType): void {
  const state = visitOf(d);
  if (!state) return;
  if (!isPending(state, d.requestId)) {
    // a navigation another one took over is stopped after the newer one began: it is not the newer visit's
    if (d.type === 'main_frame' && state.navigationId !== d.requestId && !isKnownRequest(state, d.requestId)) return;
    // A request stopped before its headers were sent (blocked, cancelled, refused) is still a request the page made.
    ensureRequest(ctx, state, d);
  }
  recordError(state, d.requestId, d.error);
  markDirty(state);
  // stopped before it committed (the visitor pressed stop; Firefox's 204): the page on screen stays
  if (isTabNavigation(d, state) && isAbortedNavigation(d.error)) returnToPage(ctx, d.tabId);
}
