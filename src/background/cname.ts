// Firefox only: uncloak trackers hidden behind a first-party subdomain's CNAME (the dns API; Chromium has none).
// What counts as cloaked is decided in core/observe/cname.ts.
import browser from 'webextension-polyfill';
import { cloakedTracker, mayBeCloaked } from '../core/observe/cname.ts';
import { hostnameOf } from '../core/observe/classify-request.ts';
import type { VisitState } from '../core/observe/visit-state.ts';
import type { TrackerDatabase } from '../core/trackers.ts';
import { hasDnsApi } from '../shared/quirks.ts';

const cache = new Map<string, Promise<string | null>>();

interface DnsApi {
  resolve(host: string, flags: string[]): Promise<{ canonicalName?: string }>;
}

function canonicalName(host: string): Promise<string | null> {
  let pending = cache.get(host);
  if (!pending) {
    const dns = (browser as unknown as { dns: DnsApi }).dns;
    pending = dns
      .resolve(host, ['canonical_name'])
      .then((r) => (r.canonicalName && r.canonicalName !== host ? r.canonicalName : null))
      .catch(() => null);
    if (cache.size > 2000) cache.clear();
    cache.set(host, pending);
  }
  return pending;
}

/** Looks up a first-party, untracked request's host; when its CNAME points at a tracker, says so on every request to it. */
export function uncloak(db: TrackerDatabase | null, state: VisitState, url: string, onFound: () => void): void {
  if (!db || !hasDnsApi()) return;
  const host = hostnameOf(url);
  if (!host || !mayBeCloaked(host, hostnameOf(state.url), state.topSite)) return;
  void canonicalName(host).then((cname) => {
    const tracker = cloakedTracker(db, state.topSite, cname);
    if (!cname || !tracker) return;
    for (const request of state.requests) {
      if (request.tracker === null && hostnameOf(request.url) === host) {
        request.cname = cname;
        request.tracker = tracker;
      }
    }
    onFound();
  });
}
