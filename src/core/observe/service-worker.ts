// Requests a site's service worker makes have no tab (tabId -1 in both browsers). They are the page's requests all
// the same: in Chromium, once a worker controls a page, every fetch of the page (its navigation included) reaches the
// network only as the worker's own request; in Firefox the page's request is reported too, but the one the server
// sees is the worker's. And a worker sends requests of its own (beacons, precaching). This names the origin a
// tabless request was made for, and the visit it belongs to.

export interface TablessRequest {
  tabId: number;
  /** Chromium: the origin of the worker */
  initiator?: string | undefined;
  /** Firefox: the worker's script URL (or the registering page, for the script itself) */
  originUrl?: string | undefined;
}

/** The http(s) origin a request without a tab was made for, or null (the browser's own requests, extensions). */
export function serviceWorkerOrigin(d: TablessRequest): string | null {
  if (d.tabId !== -1) return null;
  const from = d.initiator ?? d.originUrl;
  if (typeof from !== 'string' || !/^https?:\/\//i.test(from)) return null;
  try {
    const origin = new URL(from).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export interface VisitPage {
  url: string;
  /** epoch ms */
  startedAt: number;
}

/**
 * The visit a service worker of `origin` works for: the newest one whose page is on that origin (a worker controls
 * the pages of its own origin). Several tabs open on one origin share one worker and nothing tells which tab a fetch
 * was for, so the newest page, the one most likely loading, is credited. Null when no open page is on that origin (a
 * push or a background sync): such a request is no page's.
 */
export function visitForWorker<T extends VisitPage>(visits: Iterable<T>, origin: string): T | null {
  let best: T | null = null;
  for (const visit of visits) {
    if (best !== null && visit.startedAt <= best.startedAt) continue;
    if (originOf(visit.url) === origin) best = visit;
  }
  return best;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
