// CNAME uncloaking, the decision: a host of the site's own whose DNS name points at a tracker's domain is that
// tracker in disguise (Adobe's `metrics.shop.example → shop.example.sc.omtrdc.net`, Eulerian, …). A host served
// by a CDN or host (`static.shop.example → d1.cloudfront.net`) hides nothing, so only trackers whose purpose is
// tracking (analytics, advertising, social) count. The DNS lookup itself is the browser's (background/cname.ts).
// The reports list, per tracker, the hosts it hid behind (cloaked-hosts.ts).
import { siteOf } from '../party.ts';
import { isTrackingPurpose } from '../purposes.ts';
import type { TrackerDatabase } from '../trackers.ts';
import type { TrackerInfo } from '../types.ts';

/** Is `host` one worth looking up: a host of the page's site other than the page's own? */
export function mayBeCloaked(host: string, pageHost: string, pageSite: string): boolean {
  return host !== '' && host !== pageHost && siteOf(host) === pageSite;
}

/** The tracker `host` hides behind its canonical name `cname`, or null (no CNAME, the site's own, not a tracker). */
export function cloakedTracker(db: Pick<TrackerDatabase, 'matchHost'>, pageSite: string, cname: string | null): TrackerInfo | null {
  if (!cname) return null;
  const name = cname.toLowerCase().replace(/\.$/, '');
  if (name === '' || siteOf(name) === pageSite) return null;
  const tracker = db.matchHost(name);
  return tracker && isTrackingPurpose(tracker.purpose) ? tracker : null;
}
