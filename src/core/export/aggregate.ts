// Groupings shared by the human-readable exports (text, HTML): trackers by company, third parties by site.
import type { ObservedRequest, Phase, Purpose, Report } from '../types.ts';

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

export interface TrackerSummary {
  name: string;
  category: string;
  purpose: Purpose;
  requests: number;
  phases: Phase[];
  /** hosts of the site's own that turned out to be this tracker (CNAME cloaking) */
  cloaked: CloakedHost[];
}

export interface CompanySummary {
  /** null where the tracker database names no company */
  organization: string | null;
  trackers: TrackerSummary[];
  requests: number;
}

export interface ThirdPartySummary {
  site: string;
  requests: number;
  /** tracker names seen on this site */
  trackers: string[];
  phases: Phase[];
}

function addPhase(phases: Phase[], phase: Phase): void {
  if (!phases.includes(phase)) phases.push(phase);
}

/** Companies ordered by request count (most first), unnamed companies last; trackers likewise within each. */
export function trackersByCompany(report: Report): CompanySummary[] {
  const companies = new Map<string | null, Map<string, TrackerSummary>>();
  for (const visit of report.visits) {
    for (const request of visit.observed.requests) {
      const tracker = request.tracker;
      if (tracker === null) continue;
      let byKey = companies.get(tracker.organization);
      if (byKey === undefined) {
        byKey = new Map();
        companies.set(tracker.organization, byKey);
      }
      let summary = byKey.get(tracker.key);
      if (summary === undefined) {
        summary = { name: tracker.name, category: tracker.category, purpose: tracker.purpose, requests: 0, phases: [], cloaked: [] };
        byKey.set(tracker.key, summary);
      }
      summary.requests += 1;
      addPhase(summary.phases, visit.phase);
      addCloaked(summary.cloaked, request);
    }
  }
  return [...companies]
    .map(([organization, byKey]) => {
      const trackers = [...byKey.values()].sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name));
      return { organization, trackers, requests: trackers.reduce((n, t) => n + t.requests, 0) };
    })
    .sort(
      (a, b) =>
        Number(a.organization === null) - Number(b.organization === null) ||
        b.requests - a.requests ||
        (a.organization ?? '').localeCompare(b.organization ?? ''),
    );
}

/** Third-party sites ordered by request count (most first), then name. */
export function thirdParties(report: Report): ThirdPartySummary[] {
  const sites = new Map<string, ThirdPartySummary>();
  for (const visit of report.visits) {
    for (const request of visit.observed.requests) {
      if (request.party !== 'third') continue;
      let summary = sites.get(request.site);
      if (summary === undefined) {
        summary = { site: request.site, requests: 0, trackers: [], phases: [] };
        sites.set(request.site, summary);
      }
      summary.requests += 1;
      addPhase(summary.phases, visit.phase);
      if (request.tracker !== null && !summary.trackers.includes(request.tracker.name)) {
        summary.trackers.push(request.tracker.name);
      }
    }
  }
  return [...sites.values()].sort((a, b) => b.requests - a.requests || a.site.localeCompare(b.site));
}
