// One request → party, registrable domain and tracker: the per-request hot path.
import { partyOf, siteOf } from '../party.ts';
import type { TrackerDatabase } from '../trackers.ts';
import type { Party, TrackerInfo } from '../types.ts';

export interface RequestClass {
  site: string;
  party: Party;
  tracker: TrackerInfo | null;
}

export function hostnameOf(url: string): string {
  // Faster than new URL() for the common case; falls back to it for anything unusual.
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)/i.exec(url);
  if (m?.[1] !== undefined) return m[1].toLowerCase();
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Registrable domain per host name: tldts is the costliest step left once the tracker lookup is indexed. */
const sites = new Map<string, string>();
const SITE_CACHE_LIMIT = 8192;

function siteOfHost(host: string): string {
  let site = sites.get(host);
  if (site === undefined) {
    site = siteOf(host);
    if (sites.size >= SITE_CACHE_LIMIT) sites.clear();
    sites.set(host, site);
  }
  return site;
}

export function classifyRequest(
  db: TrackerDatabase | null,
  url: string,
  topUrl: string,
  topSite: string,
  type: string,
): RequestClass {
  const site = siteOfHost(hostnameOf(url));
  const party = partyOf(site, topSite);
  const tracker = db ? db.matchRequest({ url, sourceUrl: topUrl, type }) : null;
  return { site, party, tracker };
}
