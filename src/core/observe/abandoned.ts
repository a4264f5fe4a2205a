// A top-level navigation that never replaces the page on screen: a download (the browser saves the answer), a
// 204/205 answer, or a navigation stopped before it committed. Its request starts a new visit like any navigation,
// but the tab goes on showing the page it was on: that page's visit takes the navigation's request back, and the
// page's further requests stay in it.
import { cookieSite } from '../party.ts';
import type { ObservedRequest } from '../types.ts';
import type { RequestClass } from './classify-request.ts';
import { cookieKey, LIMITS, type VisitState } from './visit-state.ts';

// What both browsers show in a tab rather than save (with their PDF viewers, media players and source views).
const SHOWN = /^(?:text\/|image\/|audio\/|video\/|multipart\/x-mixed-replace|application\/(?:pdf|json|xml|xhtml\+xml|javascript|ecmascript|x-javascript|[\w.+-]+\+(?:xml|json))\s*(?:;|$))/i;

/**
 * The answer to a top-level navigation leaves the page on screen: no content, or a file the browser downloads (sent
 * as an attachment, or of a type no tab shows). An answer without a type is sniffed and shown.
 */
export function keepsPageOnScreen(statusCode: number | undefined, contentDisposition?: string, contentType?: string): boolean {
  if (statusCode === 204 || statusCode === 205) return true;
  if (statusCode !== undefined && (statusCode < 200 || statusCode >= 300)) return false;
  if (typeof contentDisposition === 'string' && /^\s*attachment\b/i.test(contentDisposition)) return true;
  const type = contentType?.trim() ?? '';
  return type !== '' && !SHOWN.test(type);
}

/** A top-level navigation stopped before it committed (Chromium's and Firefox's names for it). */
export function isAbortedNavigation(error: string): boolean {
  return error === 'net::ERR_ABORTED' || error === 'NS_BINDING_ABORTED';
}

function shifted(at: number, shift: number): number {
  return Math.max(0, Math.round((at + shift) * 10) / 10);
}

/**
 * The page on screen (`into`) takes back what the abandoned navigation's visit (`from`) recorded: its requests,
 * classified again against the page on screen (a download from another site is a third party's), timed from the
 * page's start, and the cookies they set.
 */
export function absorbAbandoned(into: VisitState, from: VisitState, classify: (r: ObservedRequest) => RequestClass): void {
  const shift = from.startedAt - into.startedAt;
  for (const request of from.requests) {
    if (into.requests.length >= LIMITS.requests) {
      into.dropped.requests++;
      continue;
    }
    const cls = classify(request);
    into.requests.push({ ...request, party: cls.party, site: cls.site, tracker: cls.tracker, at: shifted(request.at, shift) });
    if (cls.site) Object.defineProperty(into.sites, cls.site, { value: true, writable: true, enumerable: true, configurable: true });
  }
  for (const record of Object.values(from.cookies)) {
    const key = cookieKey(record.cookie);
    if (Object.hasOwn(into.cookies, key)) continue;
    if (Object.keys(into.cookies).length >= LIMITS.cookies) {
      into.dropped.cookies++;
      continue;
    }
    const party = cookieSite(record.cookie.domain) === into.topSite ? 'first' : 'third';
    const moved = { ...record, party, at: shifted(record.at, shift) };
    // 0: stored before the visit began, and so before the page on screen too
    if (record.firstAt !== undefined && record.firstAt !== 0) moved.firstAt = shifted(record.firstAt, shift);
    Object.defineProperty(into.cookies, key, { value: moved, writable: true, enumerable: true, configurable: true });
  }
}
