// The hosts of the site's own a tracker hid behind (CNAME cloaking, core/observe/cname.ts), as the popup and the
// text and HTML reports list them. Kept apart from cname.ts so the popup does not load the purpose tables.
import type { ObservedRequest } from '../types.ts';

/** A tracker reached at a host of the site's own whose DNS name (CNAME) points at the tracker (Firefox finds these). */
export interface CloakedHost {
  host: string;
  cname: string;
}

const MAX_CLOAKED = 10;

/**
 * Adds the request's host when it is one of the site's own whose CNAME led to the tracker, unless listed already;
 * at most 10, sorted by host. (A third party's own CNAME, to its CDN say, hides nothing.)
 */
export function addCloaked(list: CloakedHost[], request: Pick<ObservedRequest, 'url' | 'cname' | 'party'>): void {
  const cname = request.cname;
  if (request.party !== 'first' || typeof cname !== 'string' || cname === '' || list.length >= MAX_CLOAKED) return;
  let host: string;
  try {
    host = new URL(request.url).hostname;
  } catch {
    return;
  }
  if (list.some((c) => c.host === host && c.cname === cname)) return;
  list.push({ host, cname });
  list.sort((a, b) => a.host.localeCompare(b.host) || a.cname.localeCompare(b.cname));
}
