// Requests a page makes as the visitor leaves it (analytics beacons on `pagehide` or `visibilitychange`, keepalive
// fetches) reach the network after the next page's visit has started in the same tab. They are the left page's
// requests: counted in the next page's visit, they would show one site's tracking on another.

export interface RequestOrigin {
  type: string;
  frameId: number;
  /** Chromium: the lifecycle of the document that made the request */
  documentLifecycle?: string | undefined;
  /** Firefox: the URL of the document that made the request */
  documentUrl?: string | undefined;
}

/** A URL without its fragment (`#…`), which no request names. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** A visit's page: where it started and each same-document navigation since. */
export interface PageVisit {
  url: string;
  navigations?: readonly { url: string }[];
}

function isPageOf(visit: PageVisit, url: string): boolean {
  return withoutFragment(visit.url) === url || (visit.navigations ?? []).some((n) => withoutFragment(n.url) === url);
}

/**
 * Whether a request of a tab was made by the page the tab has left (`left`, when still known). Chromium says so: the
 * document is being unloaded, or is going into the back/forward cache. Firefox names the document's URL: a top-level
 * document whose URL is one of the left page's and none of the current page's. The same URL loaded again cannot be
 * told apart by URL; its leaving requests stay with the new load.
 */
export function isFromPageLeft(d: RequestOrigin, current: PageVisit, left: PageVisit | undefined): boolean {
  if (d.documentLifecycle !== undefined) return d.documentLifecycle === 'pending_deletion' || d.documentLifecycle === 'cached';
  if (!left || d.type === 'main_frame' || d.frameId !== 0 || d.documentUrl === undefined) return false;
  const url = withoutFragment(d.documentUrl);
  return isPageOf(left, url) && !isPageOf(current, url);
}
