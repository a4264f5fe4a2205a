// Groupings shared by the human-readable exports (text, HTML): trackers by company, third parties by site.
import { addCloaked, type CloakedHost } from '../observe/cloaked-hosts.ts';
import type { Phase, Purpose, Report } from '../types.ts';

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
