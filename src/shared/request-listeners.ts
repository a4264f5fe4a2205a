// The webRequest events Candor listens to, with their filters and extra-info options, as data: the background
// registers exactly these, and `npm run bench` loads a control extension registering the same ones with empty
// listeners, so that the cost Chromium itself charges for them is measured next to Candor's.
//
// Chromium charges every page for each event a listener asks for (it copies the details of each request and event
// to the worker) and more again for 'extraHeaders'. Candor asks for as few as give the whole record: a request is
// recorded from its headers (onSendHeaders: URL, type, frame, initiator and what was sent), its response from
// onBeforeRedirect / onCompleted, and only requests that can carry a body are seen before that (onBeforeRequest,
// for the body and for the navigation that starts a visit).

export type BrowserKind = 'chrome' | 'firefox';

export type RequestEventName = 'onBeforeRequest' | 'onSendHeaders' | 'onHeadersReceived' | 'onBeforeRedirect' | 'onCompleted' | 'onErrorOccurred';

export interface RequestListenerSpec {
  event: RequestEventName;
  /** resource types to listen for; all when absent */
  types?: string[];
  extraInfoSpec: string[];
}

/** Chromium hides Cookie, Set-Cookie, Referer and Accept-Language unless 'extraHeaders' is asked for; Firefox rejects the option. */
export function extraHeadersFor(kind: BrowserKind): string[] {
  return kind === 'chrome' ? ['extraHeaders'] : [];
}

/**
 * Resource types whose requests can carry a body (and the navigations that start a visit). Images, scripts, styles,
 * fonts and media never do, so their onBeforeRequest events are not asked for. Firefox has a type of its own for
 * sendBeacon. Both browsers reject a filter naming a type they do not know (Firefox dropped 'object_subrequest'):
 * the background then listens to every type rather than to none.
 */
export function bodyRequestTypesFor(kind: BrowserKind): string[] {
  const common = ['main_frame', 'sub_frame', 'xmlhttprequest', 'ping', 'csp_report', 'object', 'other'];
  return kind === 'firefox' ? [...common, 'beacon'] : common;
}

/**
 * Firefox stops loads it no longer needs once their headers are in (a script answered 404, an image of a page being
 * left): onCompleted never comes, so the status is taken when the headers arrive. Chromium would charge every
 * page for the extra event (see above), and its loads stopped that way are rare, so it is asked for in Firefox only.
 */
export function requestListenerSpecs(kind: BrowserKind): RequestListenerSpec[] {
  const extra = extraHeadersFor(kind);
  return [
    { event: 'onBeforeRequest', types: bodyRequestTypesFor(kind), extraInfoSpec: ['requestBody'] },
    { event: 'onSendHeaders', extraInfoSpec: ['requestHeaders', ...extra] },
    ...(kind === 'firefox' ? [{ event: 'onHeadersReceived' as const, extraInfoSpec: [] }] : []),
    { event: 'onBeforeRedirect', extraInfoSpec: ['responseHeaders', ...extra] },
    { event: 'onCompleted', extraInfoSpec: ['responseHeaders', ...extra] },
    { event: 'onErrorOccurred', extraInfoSpec: [] },
  ];
}
