// Trackers grouped by company, then tracker, with the purposes and request counts the popup shows.
import { addCloaked, type CloakedHost } from '../observe/cloaked-hosts.ts';
import { PURPOSES } from '../types.ts';
import type { Purpose, Report } from '../types.ts';
import { memoByReport } from './memo.ts';

export interface TrackerEntry {
  key: string;
  name: string;
  category: string;
  purpose: Purpose;
  requests: number;
  /** registrable domains the tracker was reached at, sorted */
  sites: string[];
  /** one request URL, for the evidence line */
  exampleUrl: string;
  /** hosts of the site's own that turned out to be this tracker (CNAME cloaking, Firefox only) */
  cloaked: CloakedHost[];
}

export interface TrackerGroup {
  /** the organization, or the tracker's own name where the database names none */
  company: string;
  companyKnown: boolean;
  /** distinct purposes of the company's trackers, in PURPOSES order */
  purposes: Purpose[];
  requests: number;
  trackers: TrackerEntry[];
}

interface MutableEntry extends Omit<TrackerEntry, 'sites'> {
  sites: Set<string>;
}

function byRequestsThenName<T extends { requests: number }>(name: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => b.requests - a.requests || name(a).localeCompare(name(b));
}

function compute(report: Report): TrackerGroup[] {
  const entries = new Map<string, MutableEntry>();
  const companies = new Map<string, { known: boolean; keys: Set<string> }>();
  for (const visit of report.visits) {
    for (const request of visit.observed.requests) {
      const info = request.tracker;
      if (info === null) continue;
      let entry = entries.get(info.key);
      if (entry === undefined) {
        entry = {
          key: info.key,
          name: info.name,
          category: info.category,
          purpose: info.purpose,
          requests: 0,
          sites: new Set(),
          exampleUrl: request.url,
          cloaked: [],
        };
        entries.set(info.key, entry);
        const company = info.organization ?? info.name;
        const group = companies.get(company) ?? { known: info.organization !== null, keys: new Set<string>() };
        group.keys.add(info.key);
        companies.set(company, group);
      }
      entry.requests += 1;
      entry.sites.add(request.site);
      addCloaked(entry.cloaked, request);
    }
  }
  const groups: TrackerGroup[] = [];
  for (const [company, { known, keys }] of companies) {
    const trackers: TrackerEntry[] = [];
    for (const key of keys) {
      const entry = entries.get(key);
      if (entry !== undefined) trackers.push({ ...entry, sites: [...entry.sites].sort() });
    }
    trackers.sort(byRequestsThenName((t) => t.name));
    const purposes = PURPOSES.filter((p) => trackers.some((t) => t.purpose === p));
    const requests = trackers.reduce((sum, t) => sum + t.requests, 0);
    groups.push({ company, companyKnown: known, purposes, requests, trackers });
  }
  return groups.sort(byRequestsThenName((g) => g.company));
}

/** Company → trackers → purposes and request counts, busiest company first. Memoized per report. */
export const groupTrackers: (report: Report) => TrackerGroup[] = memoByReport(compute);
