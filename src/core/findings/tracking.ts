// What counts as "tracking" for the consent rules, and the grouping that keeps one finding per cookie or per tracker.
import { isTrackingPurpose } from '../purposes.ts';
import type { ObservedCookie, ObservedRequest, Purpose } from '../types.ts';
import { isConsentCookie } from './consent-cookie.ts';
import { atOf } from './safe.ts';

/** How many example requests a finding lists. */
export const MAX_EXAMPLES = 5;

/** A request's purpose is its tracker's; requests to no known tracker have none. */
export function requestPurpose(request: ObservedRequest): Purpose | null {
  return request.tracker?.purpose ?? null;
}

/**
 * A tracking request goes to a tracker whose purpose is analytics, advertising or social. CDNs, fonts, hosting and
 * consent managers (necessary/functional/unknown) never are. First-party requests only count when CNAME-cloaked:
 * otherwise a site that is itself in the tracker database (visiting facebook.com) would "track" itself.
 */
export function isTrackingRequest(request: ObservedRequest): boolean {
  const purpose = requestPurpose(request);
  if (purpose === null || !isTrackingPurpose(purpose)) return false;
  return request.party === 'third' || (typeof request.cname === 'string' && request.cname !== '');
}

/**
 * The purpose the consent rules judge a cookie by: what Candor knows it does (a known cookie or its setter tracker)
 * when the site's declaration files a tracking cookie under a non-tracking purpose — a declaration cannot exempt a
 * tracking cookie from consent; `wrong-purpose` reports the declaration itself.
 */
export function consentPurposeOf(cookie: ObservedCookie): Purpose {
  const own = cookie.independentPurpose;
  return own !== undefined && isTrackingPurpose(own) && !isTrackingPurpose(cookie.purpose) ? own : cookie.purpose;
}

/** A tracking cookie has a tracking purpose and is not a consent manager's own record. */
export function isTrackingCookie(cookie: ObservedCookie): boolean {
  return isTrackingPurpose(consentPurposeOf(cookie)) && !isConsentCookie(cookie.name);
}

export function cookieKey(cookie: { name: string; domain?: string | undefined }): string {
  return `${cookie.name}\u0000${(cookie.domain ?? '').replace(/^\./, '').toLowerCase()}`;
}

/** One entry per cookie name+domain (paths and repeated changes collapse); the latest change wins. */
export function uniqueCookies(cookies: readonly ObservedCookie[]): ObservedCookie[] {
  const byKey = new Map<string, ObservedCookie>();
  for (const cookie of cookies) {
    const key = cookieKey(cookie);
    const seen = byKey.get(key);
    if (!seen || atOf(cookie) >= atOf(seen)) byKey.set(key, cookie);
  }
  return [...byKey.values()];
}

export interface RequestGroup {
  /** tracker key, else the request's site */
  key: string;
  /** the tracker's name, else the site */
  label: string;
  organization: string | null;
  purpose: Purpose | null;
  site: string;
  requests: ObservedRequest[];
}

/** Groups requests per tracker (or per site where no tracker matched), in first-seen order. */
export function groupRequests(requests: readonly ObservedRequest[]): RequestGroup[] {
  const groups = new Map<string, RequestGroup>();
  for (const request of requests) {
    const tracker = request.tracker;
    const key = tracker ? `tracker:${tracker.key}` : `site:${request.site}`;
    const group = groups.get(key);
    if (group) group.requests.push(request);
    else
      groups.set(key, {
        key,
        label: tracker?.name || request.site || 'an unknown host',
        organization: tracker?.organization ?? null,
        purpose: tracker?.purpose ?? null,
        site: request.site,
        requests: [request],
      });
  }
  return [...groups.values()];
}
