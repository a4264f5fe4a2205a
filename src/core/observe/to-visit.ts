// A visit's raw record → the report's Visit: cookie lifetimes and purposes are decided here, once the
// site's declarations are known (declared purposes come first).
import type {
  Consent,
  CookiePurposeSource,
  Declared,
  DeclaredCookie,
  ObservedCookie,
  ObservedRequest,
  ObservedStorage,
  Purpose,
  TrackerInfo,
  Visit,
} from '../types.ts';
import type { CookieRecord, VisitState } from './visit-state.ts';

export interface CookieClassifierInput {
  name: string;
  domain?: string;
  value?: string;
  lifetimeSeconds?: number | null;
  setter?: TrackerInfo | null;
  declared?: readonly DeclaredCookie[];
}
export type CookieClassifier = (input: CookieClassifierInput) => { purpose: Purpose; source: CookiePurposeSource; detail: string };

export interface VisitContext {
  declared: Declared;
  consent: Consent;
  classifyCookie: CookieClassifier;
  classifyStorageKey: CookieClassifier;
  /** tracker of a setter URL (script or response) */
  trackerOfUrl: (url: string) => TrackerInfo | null;
}

function sameSiteOf(value: string | undefined): ObservedCookie['sameSite'] {
  const v = (value ?? '').toLowerCase();
  if (v === 'lax' || v === 'strict') return v;
  if (v === 'none' || v === 'no_restriction') return 'none';
  return 'unspecified';
}

export function toObservedCookie(state: VisitState, record: CookieRecord, ctx: VisitContext): ObservedCookie {
  const c = record.cookie;
  const expiresMs = !c.session && c.expirationDate !== undefined ? c.expirationDate * 1000 : null;
  const changedAt = state.startedAt + record.at;
  const lifetime = expiresMs === null ? null : Math.max(0, Math.round((expiresMs - changedAt) / 1000));
  const setter = record.setBy.url ? ctx.trackerOfUrl(record.setBy.url) : null;
  const verdict = ctx.classifyCookie({
    name: c.name,
    domain: c.domain,
    value: c.value,
    lifetimeSeconds: lifetime,
    setter,
    declared: ctx.declared.cookies,
  });
  let expiresAt: string | null = null;
  if (expiresMs !== null) {
    // Far-future expiries (year 275760+) are not valid Dates.
    const date = new Date(Math.min(expiresMs, 8.64e15));
    expiresAt = Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  const cookie: ObservedCookie = {
    name: c.name,
    domain: c.domain,
    path: c.path,
    party: record.party,
    session: c.session,
    expiresAt,
    lifetimeSeconds: lifetime,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: sameSiteOf(c.sameSite),
    setBy: record.setBy,
    purpose: verdict.purpose,
    purposeSource: verdict.source,
    purposeDetail: verdict.detail,
    at: record.at,
    value: c.value,
  };
  if (verdict.source === 'declared') {
    const own = ctx.classifyCookie({ name: c.name, domain: c.domain, value: c.value, lifetimeSeconds: lifetime, setter });
    if (own.purpose !== verdict.purpose && (own.source === 'known-cookie' || own.source === 'tracker')) {
      cookie.independentPurpose = own.purpose;
    }
  }
  if (record.removed) cookie.removed = true;
  if (record.firstAt !== undefined && record.firstAt !== record.at) cookie.firstAt = record.firstAt;
  if (record.preexisting) cookie.preexisting = true;
  if (c.partitionKey) cookie.partitionKey = c.partitionKey;
  return cookie;
}

/**
 * Chromium first asks its cache alone for some loads (web fonts, form resubmission): a miss ends as
 * net::ERR_CACHE_MISS without anything leaving the browser, and the real request follows with its own record.
 */
function wasSent(request: ObservedRequest): boolean {
  return request.error !== 'net::ERR_CACHE_MISS';
}

export function toVisit(state: VisitState, ctx: VisitContext): Visit {
  const cookies = Object.values(state.cookies).map((record) => toObservedCookie(state, record, ctx));
  const storage: ObservedStorage[] = Object.values(state.storage).map((s) => {
    const setter = s.scriptUrl ? ctx.trackerOfUrl(s.scriptUrl) : null;
    const verdict = ctx.classifyStorageKey({ name: s.key, setter });
    return {
      area: s.area,
      key: s.key,
      origin: s.origin,
      party: s.party,
      setBy: s.scriptUrl ? { via: 'script', url: s.scriptUrl } : { via: 'unknown' },
      purpose: verdict.purpose,
      purposeSource: verdict.source,
      at: s.at,
    };
  });
  const visit: Visit = {
    phase: state.phase,
    url: state.url,
    startedAt: new Date(state.startedAt).toISOString(),
    gpcSent: state.gpcSent,
    declared: ctx.declared,
    consent: state.consentMoments?.length ? { ...ctx.consent, history: state.consentMoments } : ctx.consent,
    observed: { requests: state.requests.filter(wasSent), cookies, storage },
  };
  if (state.navigations?.length) visit.navigations = state.navigations;
  if (state.restoredFromCache) visit.restoredFromCache = true;
  if (state.prerendered) visit.prerendered = true;
  if (state.servedByServiceWorker) visit.servedByServiceWorker = true;
  if (state.resumed) visit.resumed = true;
  const { requests, cookies: droppedCookies, storage: droppedStorage } = state.dropped;
  if (requests + droppedCookies + droppedStorage > 0) {
    visit.observed.truncated = { requests, cookies: droppedCookies, storage: droppedStorage };
  }
  return visit;
}
