// webRequest glue (observe only, never blocking): each event → one core call on the tab's visit state.
import browser, { type WebRequest } from 'webextension-polyfill';
import { classifyRequest } from '../core/observe/classify-request.ts';
import { bodyIdentifierKeys, type RequestBody, summarizeSent } from '../core/observe/sent-data.ts';
import {
  recordCompleted,
  recordError,
  recordRequest,
  recordResponse,
  recordSent,
  startVisit,
} from '../core/observe/visit-state.ts';
import { isNetworkUrl } from '../core/party.ts';
import { extraHeaders } from '../shared/quirks.ts';
import { updateBadge } from './badge.ts';
import { uncloak } from './cname.ts';
import type { BackgroundContext } from './context.ts';
import { saveHistory, summaryOfState } from './history.ts';
import { getTab, markDirty, setTab } from './tab-store.ts';

const FILTER: WebRequest.RequestFilter = { urls: ['<all_urls>'] };

/** Full headers are kept only when asked for (HAR export from the CLI), to keep memory small otherwise. */
let recordHeaders = false;
export function setRecordHeaders(on: boolean): void {
  recordHeaders = on;
}

function headerPairs(headers: WebRequest.HttpHeaders | undefined): [string, string][] {
  return (headers ?? []).slice(0, 200).map((h) => [h.name.toLowerCase(), (h.value ?? '').slice(0, 8192)]);
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    // A listener must never throw: one odd request must not cost the observations already made.
    console.warn('Candor: request event skipped', error);
  }
}

export function registerRequestListeners(ready: Promise<BackgroundContext>): void {
  browser.webRequest.onBeforeRequest.addListener(
    (d) => {
      void ready.then((ctx) => safely(() => onBeforeRequest(ctx, d)));
      return undefined;
    },
    FILTER,
    ['requestBody'],
  );
  browser.webRequest.onSendHeaders.addListener(
    (d) => void ready.then(() => safely(() => onSendHeaders(d))),
    FILTER,
    ['requestHeaders', ...extraHeaders()] as WebRequest.OnSendHeadersOptions[],
  );
  browser.webRequest.onHeadersReceived.addListener(
    (d) => {
      void ready.then(() => safely(() => onHeadersReceived(d)));
      return undefined;
    },
    FILTER,
    ['responseHeaders', ...extraHeaders()] as WebRequest.OnHeadersReceivedOptions[],
  );
  browser.webRequest.onCompleted.addListener(
    (d) => void ready.then(() => safely(() => onDone(d.tabId, () => recordCompletedFor(d)))),
    FILTER,
  );
  browser.webRequest.onErrorOccurred.addListener(
    (d) => void ready.then(() => safely(() => onDone(d.tabId, (s) => recordError(s, d.requestId, d.error)))),
    FILTER,
  );
}

function onBeforeRequest(ctx: BackgroundContext, d: WebRequest.OnBeforeRequestDetailsType): void {
  if (d.tabId < 0 || !isNetworkUrl(d.url)) return;
  // Chromium prerenders pages the visitor has not opened: they must not start or mix into this tab's visit.
  if ((d as { documentLifecycle?: string }).documentLifecycle === 'prerender') return;
  let state = getTab(d.tabId);
  if (d.type === 'main_frame') {
    // A top-level navigation starts a new visit; the redirect hops of the navigation stay in it.
    if (!state || state.pending[d.requestId] === undefined) {
      if (state) void saveHistory(summaryOfState(state)).catch(() => undefined);
      state = startVisit(d.tabId, d.url, d.timeStamp, 'browsing', ctx.prefs.gpc);
    } else {
      state.url = d.url;
    }
  }
  if (!state) return; // requests of a page that started before Candor did
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
      bodyIdentifiers: d.requestBody ? bodyIdentifierKeys(d.requestBody as unknown as RequestBody) : [],
    },
    cls,
  );
  setTab(state);
  if (cls.tracker) updateBadge(state);
  else if (cls.party === 'first') {
    const visit = state;
    uncloak(ctx.db, visit, d.url, () => {
      markDirty(visit.tabId);
      updateBadge(visit);
    });
  }
}

function onSendHeaders(d: WebRequest.OnSendHeadersDetailsType): void {
  const state = getTab(d.tabId);
  if (!state) return;
  const headers = d.requestHeaders ?? [];
  recordSent(state, d.requestId, summarizeSent(headers, d.url), recordHeaders ? headerPairs(headers) : undefined);
  markDirty(d.tabId);
}

function onHeadersReceived(d: WebRequest.OnHeadersReceivedDetailsType): void {
  const state = getTab(d.tabId);
  if (!state) return;
  const setCookieNames: string[] = [];
  let p3p: string | undefined;
  let size: number | undefined;
  for (const h of d.responseHeaders ?? []) {
    const name = h.name.toLowerCase();
    if (name === 'set-cookie' && h.value) {
      // Firefox joins several Set-Cookie headers with newlines.
      for (const line of h.value.split('\n')) {
        const eq = line.indexOf('=');
        if (eq > 0) setCookieNames.push(line.slice(0, eq).trim());
      }
    } else if (name === 'p3p') p3p = h.value;
    else if (name === 'content-length') size = Number(h.value);
  }
  recordResponse(state, d.requestId, {
    statusCode: d.statusCode,
    setCookieNames,
    p3p,
    size,
    headers: recordHeaders ? headerPairs(d.responseHeaders) : undefined,
  });
  markDirty(d.tabId);
}

function recordCompletedFor(d: WebRequest.OnCompletedDetailsType): void {
  const state = getTab(d.tabId);
  if (state) recordCompleted(state, d.requestId, d.statusCode, d.fromCache, d.ip);
}

function onDone(tabId: number, apply: (state: NonNullable<ReturnType<typeof getTab>>) => void): void {
  const state = getTab(tabId);
  if (!state) return;
  apply(state);
  markDirty(tabId);
}
