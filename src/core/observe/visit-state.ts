// The record of one visit in one tab, as plain JSON so it can be mirrored to storage.session and rebuilt after
// a service-worker restart. Functions here mutate the state they are given and never throw on odd input.
import { cookieSite, siteOf } from '../party.ts';
import { copyPurposes } from '../purposes.ts';
import { CONSENT_PURPOSES } from '../types.ts';
import type { ConsentMoment, ObservedRequest, Party, Phase, PurposeMap, RecordedConsent, SentData } from '../types.ts';
import type { RequestClass } from './classify-request.ts';

/** Per-visit caps: past them observations are counted, not kept, and the report says so. */
export const LIMITS = { requests: 5000, cookies: 1000, storage: 1000, valueLength: 4096, urlLength: 8192, consentMoments: 20 } as const;

// Records keyed by names the page chooses (cookie names such as `__proto__` or `constructor`): read own properties
// only, and define rather than assign, so that no key reaches Object.prototype. The records stay plain objects
// (they are mirrored through storage.session as JSON).
function getOwn<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

export interface RawCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  hostOnly?: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
  session: boolean;
  /** seconds since epoch */
  expirationDate?: number;
  /** CHIPS (`{ topLevelSite }`) or Firefox's first-party isolation/partition key */
  partitionKey?: string;
}

export interface CookieRecord {
  cookie: RawCookie;
  party: Party;
  /** ms since visit start */
  at: number;
  removed: boolean;
  /** when it was first set in this visit (ms since visit start; 0 = stored before the visit); `at` where absent */
  firstAt?: number;
  setBy: { via: 'http' | 'script' | 'unknown'; url?: string };
  /** found present when the report was made, with no change seen during the visit */
  preexisting?: boolean;
}

export interface StorageRecord {
  area: 'local' | 'session';
  key: string;
  origin: string;
  party: Party;
  at: number;
  scriptUrl?: string;
}

export interface VisitState {
  tabId: number;
  url: string;
  topSite: string;
  /** epoch ms */
  startedAt: number;
  phase: Phase;
  gpcSent: boolean;
  requests: ObservedRequest[];
  /** webRequest requestId → index into requests */
  pending: Record<string, number>;
  cookies: Record<string, CookieRecord>;
  storage: Record<string, StorageRecord>;
  /** cookie name → response URL that sent a Set-Cookie for it (http attribution) */
  httpSetters: Record<string, string>;
  /** cookie name → script URL from the document.cookie hook (script attribution) */
  scriptSetters: Record<string, string>;
  /** cookie name → when (ms since visit start) a response or script last set it, for cookies the browser never announced */
  setterTimes?: Record<string, number>;
  /** registrable domains this visit sent requests to */
  sites: Record<string, true>;
  /** P3P response headers of the main document */
  p3p: string[];
  /** the latest page snapshot from the content script (already validated) */
  snapshot: unknown;
  navigations: { url: string; at: number; kind: 'push' | 'replace' | 'pop' | 'hash' }[];
  restoredFromCache?: boolean;
  /** Chromium prerendered the page before the visitor opened it: its first requests were made before that */
  prerendered?: boolean;
  /** webRequest requestId of the top-level navigation that started the visit */
  navigationId?: string;
  /** Chromium: the site's service worker answered the navigation (no request of the tab's own started the visit) */
  servedByServiceWorker?: boolean;
  /** Candor began observing with the page already open (see Visit.resumed) */
  resumed?: boolean;
  /** requestId → body fields carrying identifiers, until the request's headers are seen */
  bodyIdentifiers?: Record<string, string[]>;
  /** requestId → URL of the hop that was just redirected, until the next hop starts */
  redirects?: Record<string, string>;
  dropped: { requests: number; cookies: number; storage: number };
  /** what the site's consent mechanism held when the page was read, one entry per change (recordConsentMoment) */
  consentMoments?: ConsentMoment[];
}

export function startVisit(tabId: number, url: string, now: number, phase: Phase = 'browsing', gpcSent = false): VisitState {
  const topSite = siteOf(url);
  return {
    tabId,
    url: url.slice(0, LIMITS.urlLength),
    topSite,
    startedAt: now,
    phase,
    gpcSent,
    requests: [],
    pending: {},
    cookies: {},
    storage: {},
    httpSetters: {},
    scriptSetters: {},
    sites: topSite ? { [topSite]: true } : {},
    p3p: [],
    snapshot: null,
    navigations: [],
    dropped: { requests: 0, cookies: 0, storage: 0 },
  };
}

const MAX_NAVIGATIONS = 200;

/** A same-document navigation (history API or fragment): the visit goes on, with its new URL noted. */
export function recordNavigation(state: VisitState, url: string, kind: VisitState['navigations'][number]['kind'], now: number): void {
  if (!state.navigations) state.navigations = []; // state restored from an older build
  // A fragment change fires popstate, then hashchange, for the same URL: one navigation, of kind `hash`.
  const last = state.navigations[state.navigations.length - 1];
  if (last && last.url === url.slice(0, LIMITS.urlLength)) {
    if (last.kind === 'pop' && kind === 'hash') last.kind = 'hash';
    return;
  }
  if (state.navigations.length >= MAX_NAVIGATIONS) return;
  state.navigations.push({ url: url.slice(0, LIMITS.urlLength), at: since(state, now), kind });
}

export interface RequestStart {
  requestId: string;
  /** request-body fields that carry identifiers (see bodyIdentifierKeys) */
  bodyIdentifiers?: string[];
  url: string;
  method: string;
  type: string;
  frameId: number;
  initiator?: string | undefined;
  /** epoch ms */
  timeStamp: number;
  /** a prefetch the page asked for (speculation rules), not a navigation */
  speculative?: boolean;
  /** made by the site's service worker (no tab) */
  serviceWorker?: boolean;
}

function since(state: VisitState, timeStamp: number): number {
  return Math.max(0, Math.round((timeStamp - state.startedAt) * 10) / 10);
}

/** Whether this requestId belongs to a request already seen in this visit (pending, or between redirect hops). */
export function isKnownRequest(state: VisitState, requestId: string): boolean {
  return state.pending[requestId] !== undefined || state.redirects?.[requestId] !== undefined;
}

export function isPending(state: VisitState, requestId: string): boolean {
  return state.pending[requestId] !== undefined;
}

/**
 * The navigation that started this visit has had no answer yet (its request not even sent, or no response to it):
 * the tab still shows the page before it. A newer navigation that takes over leaves nothing of this one on screen.
 */
export function isNavigationUnanswered(state: VisitState): boolean {
  const id = state.navigationId;
  if (id === undefined) return false;
  // between two hops of a redirect chain: the page is not answered until the last hop is
  if (state.redirects?.[id] !== undefined) return true;
  const index = state.pending[id];
  if (index === undefined) return state.requests.length === 0;
  const status = state.requests[index]?.status ?? null;
  return status === null || (status >= 300 && status < 400);
}

/** Body fields carrying identifiers, seen before the request's headers; they join the request's sent data. */
export function recordBody(state: VisitState, requestId: string, identifiers: readonly string[]): void {
  if (!identifiers.length) return;
  state.bodyIdentifiers ??= {};
  state.bodyIdentifiers[requestId] = identifiers.slice(0, 50);
}

export function recordRequest(state: VisitState, start: RequestStart, cls: RequestClass): void {
  const existing = state.pending[start.requestId];
  const redirectedFrom = state.redirects?.[start.requestId] ?? (existing === undefined ? undefined : state.requests[existing]?.url);
  if (state.redirects?.[start.requestId] !== undefined) delete state.redirects[start.requestId];
  if (state.requests.length >= LIMITS.requests) {
    state.dropped.requests++;
    delete state.pending[start.requestId];
    return;
  }
  const request: ObservedRequest = {
    url: start.url.slice(0, LIMITS.urlLength),
    method: start.method,
    type: start.type,
    party: cls.party,
    site: cls.site,
    status: null,
    at: since(state, start.timeStamp),
    tracker: cls.tracker,
    sent: null,
    frameId: start.frameId,
  };
  if (start.initiator) request.initiator = start.initiator.slice(0, LIMITS.urlLength);
  if (start.speculative) request.speculative = true;
  if (start.serviceWorker) request.serviceWorker = true;
  // Chromium and Firefox keep the requestId across redirects: a start after a redirect is the redirect's target.
  if (redirectedFrom !== undefined) request.redirectedFrom = redirectedFrom;
  state.pending[start.requestId] = state.requests.push(request) - 1;
  if (start.bodyIdentifiers?.length) recordBody(state, start.requestId, start.bodyIdentifiers);
  if (cls.site) setOwn(state.sites, cls.site, true);
}

/** The hop is over (its response was a redirect): the next start with this requestId is the redirect target. */
export function recordRedirect(state: VisitState, requestId: string): void {
  const request = pendingRequest(state, requestId);
  if (!request) return;
  delete state.pending[requestId];
  state.redirects ??= {};
  state.redirects[requestId] = request.url;
}

function pendingRequest(state: VisitState, requestId: string): ObservedRequest | undefined {
  const index = state.pending[requestId];
  return index === undefined ? undefined : state.requests[index];
}

export function recordSent(state: VisitState, requestId: string, sent: SentData, headers?: [string, string][]): void {
  const request = pendingRequest(state, requestId);
  if (!request) return;
  const body = state.bodyIdentifiers?.[requestId];
  request.sent = body ? { ...sent, bodyIdentifiers: body } : sent;
  if (body) delete state.bodyIdentifiers?.[requestId];
  if (headers) request.headers = { request: headers, response: request.headers?.response ?? [] };
}

export interface ResponseInfo {
  statusCode: number;
  /** values of Set-Cookie headers (names only are needed for attribution) */
  setCookieNames: string[];
  p3p?: string | undefined;
  size?: number | undefined;
  headers?: [string, string][] | undefined;
}

export function recordResponse(state: VisitState, requestId: string, info: ResponseInfo): void {
  const request = pendingRequest(state, requestId);
  if (!request) return;
  request.status = info.statusCode;
  if (info.size !== undefined && Number.isFinite(info.size)) request.size = info.size;
  if (info.headers) request.headers = { request: request.headers?.request ?? [], response: info.headers };
  const names = info.setCookieNames.slice(0, 200);
  for (const name of names) {
    setOwn(state.httpSetters, name, request.url);
    state.setterTimes ??= {};
    setOwn(state.setterTimes, name, request.at);
  }
  // Firefox may report the cookie change before this response event: fix up the attribution.
  if (names.length) {
    for (const record of Object.values(state.cookies)) {
      if (record.setBy.via === 'unknown' && names.includes(record.cookie.name)) record.setBy = { via: 'http', url: request.url };
    }
  }
  if (info.p3p && request.type === 'main_frame' && state.p3p.length < 5) state.p3p.push(info.p3p.slice(0, 2048));
}

export function recordCompleted(
  state: VisitState,
  requestId: string,
  statusCode: number | undefined,
  fromCache?: boolean,
  ip?: string,
  done = true,
): void {
  const request = pendingRequest(state, requestId);
  if (!request) return;
  if (statusCode !== undefined) request.status = statusCode;
  if (fromCache) request.fromCache = true;
  if (ip) request.remoteIp = ip;
  if (done) delete state.pending[requestId];
}

export function recordError(state: VisitState, requestId: string, error: string): void {
  const request = pendingRequest(state, requestId);
  if (state.redirects?.[requestId] !== undefined) delete state.redirects[requestId];
  if (state.bodyIdentifiers?.[requestId] !== undefined) delete state.bodyIdentifiers[requestId];
  if (!request) return;
  request.error = error.slice(0, 200);
  delete state.pending[requestId];
}

export function cookieKey(c: Pick<RawCookie, 'name' | 'domain' | 'path' | 'partitionKey'>): string {
  return `${c.name}\u0000${c.domain}\u0000${c.path}\u0000${c.partitionKey ?? ''}`;
}

/** Does a cookie change belong to this visit? Its site is the page's, or one the page talked to, or its partition is the page's. */
export function cookieBelongsTo(state: VisitState, cookie: RawCookie): boolean {
  const site = cookieSite(cookie.domain);
  if (cookie.partitionKey) return siteOf(cookie.partitionKey) === state.topSite;
  return site !== '' && getOwn(state.sites, site) === true;
}

export function recordCookie(state: VisitState, cookie: RawCookie, removed: boolean, now: number): void {
  const key = cookieKey(cookie);
  const existing = state.cookies[key];
  if (!existing && Object.keys(state.cookies).length >= LIMITS.cookies) {
    state.dropped.cookies++;
    return;
  }
  const site = cookieSite(cookie.domain);
  const party: Party = site === state.topSite ? 'first' : 'third';
  const scriptUrl = getOwn(state.scriptSetters, cookie.name);
  const httpUrl = getOwn(state.httpSetters, cookie.name);
  const setBy: CookieRecord['setBy'] = httpUrl
    ? { via: 'http', url: httpUrl }
    : scriptUrl
      ? { via: 'script', url: scriptUrl }
      : existing?.setBy ?? { via: 'unknown' };
  // A cookie seen for the first time whose setting the page hook or a response already timed: that time, not when
  // the browser's change event reached a busy worker.
  const eventAt = since(state, now);
  const setAt = existing || removed || !state.setterTimes ? undefined : getOwn(state.setterTimes, cookie.name);
  const record: CookieRecord = {
    cookie: { ...cookie, name: cookie.name.slice(0, 256), value: cookie.value.slice(0, LIMITS.valueLength) },
    party,
    at: setAt !== undefined && setAt < eventAt ? setAt : eventAt,
    removed,
    setBy: removed && existing ? existing.setBy : setBy,
  };
  // an overwrite or removal keeps when the cookie first appeared; a removal of one never seen was stored before
  const firstAt = existing ? (existing.firstAt ?? existing.at) : removed ? 0 : record.at;
  if (firstAt !== record.at) record.firstAt = firstAt;
  state.cookies[key] = record;
}

/** The document.cookie / cookieStore hook reported that a script set this cookie. */
export function recordScriptCookie(state: VisitState, name: string, scriptUrl: string | undefined, now?: number): void {
  if (Object.keys(state.scriptSetters).length >= LIMITS.cookies) return;
  const url = scriptUrl ?? '';
  setOwn(state.scriptSetters, name.slice(0, 256), url);
  if (now !== undefined) {
    state.setterTimes ??= {};
    setOwn(state.setterTimes, name.slice(0, 256), since(state, now));
  }
  // The cookies API event (or a report's look at the cookie jar) may have come first: fix up the attribution, and
  // a cookie that looked pre-existing was in fact set during this visit.
  for (const record of Object.values(state.cookies)) {
    if (record.cookie.name === name && record.setBy.via === 'unknown') {
      record.setBy = url ? { via: 'script', url } : { via: 'script' };
      if (record.preexisting) {
        record.preexisting = false;
        record.at = (state.setterTimes && getOwn(state.setterTimes, name)) ?? record.at;
      }
    }
  }
}

export function recordStorage(state: VisitState, item: Omit<StorageRecord, 'party' | 'at'>, now: number): void {
  const key = `${item.area}\u0000${item.origin}\u0000${item.key}`;
  if (!state.storage[key] && Object.keys(state.storage).length >= LIMITS.storage) {
    state.dropped.storage++;
    return;
  }
  const party: Party = siteOf(item.origin) === state.topSite ? 'first' : 'third';
  state.storage[key] = { ...item, key: item.key.slice(0, 256), party, at: since(state, now) };
}

/**
 * The visit with the cookies that were present for it but never reported as changed: cookies stored before the
 * visit, and overwrites that the browser did not announce (Firefox does not report every document.cookie
 * overwrite through cookies.onChanged). A script set seen by the page hook counts as a change of this visit.
 */
export function withPresentCookies(state: VisitState, present: readonly RawCookie[]): VisitState {
  const cookies: Record<string, CookieRecord> = { ...state.cookies };
  let room = LIMITS.cookies - Object.keys(cookies).length;
  // past the cap a present cookie is counted as dropped, like any other: the report never loses one silently
  let dropped = 0;
  for (const cookie of present) {
    const key = cookieKey(cookie);
    if (cookies[key] || !cookieBelongsTo(state, cookie)) continue;
    if (room-- <= 0) {
      dropped++;
      continue;
    }
    const site = cookieSite(cookie.domain);
    const scriptUrl = getOwn(state.scriptSetters, cookie.name);
    const httpUrl = getOwn(state.httpSetters, cookie.name);
    const setBy: CookieRecord['setBy'] =
      httpUrl !== undefined
        ? { via: 'http', url: httpUrl }
        : scriptUrl !== undefined
          ? scriptUrl
            ? { via: 'script', url: scriptUrl }
            : { via: 'script' }
          : { via: 'unknown' };
    cookies[key] = {
      cookie: { ...cookie, name: cookie.name.slice(0, 256), value: cookie.value.slice(0, LIMITS.valueLength) },
      party: site === state.topSite ? 'first' : 'third',
      at: state.setterTimes?.[cookie.name] ?? 0,
      removed: false,
      setBy,
      preexisting: setBy.via === 'unknown',
    };
  }
  return dropped > 0 ? { ...state, cookies, dropped: { ...state.dropped, cookies: state.dropped.cookies + dropped } } : { ...state, cookies };
}

function samePurposes(a: PurposeMap, b: PurposeMap): boolean {
  return CONSENT_PURPOSES.every((p) => a[p] === b[p]);
}

/**
 * What the site's consent mechanism held when the page began to be read (`readAt`, epoch ms, clamped into the
 * visit up to `now`): kept when it differs from the last moment kept. Only the first LIMITS.consentMoments − 1
 * changes and the latest are kept, so the visit's first state always survives. No mechanism, no moment.
 */
export function recordConsentMoment(state: VisitState, recorded: RecordedConsent | null, readAt: number, now: number): void {
  if (recorded === null) return;
  state.consentMoments ??= [];
  const moments = state.consentMoments;
  const last = moments.at(-1);
  if (last && last.source === recorded.source && last.choiceMade === recorded.choiceMade && samePurposes(last.purposes, recorded.purposes)) return;
  const at = since(state, Math.min(Number.isFinite(readAt) ? readAt : now, now));
  const moment: ConsentMoment = {
    at,
    source: String(recorded.source).slice(0, 200),
    choiceMade: recorded.choiceMade === true,
    purposes: copyPurposes(recorded.purposes),
  };
  if (moments.length >= LIMITS.consentMoments) moments[moments.length - 1] = moment;
  else moments.push(moment);
}
