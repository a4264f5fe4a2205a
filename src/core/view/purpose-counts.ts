// Per purpose: how many distinct trackers serve it and how many requests they received (the popup's bar chart).
import { PURPOSES } from '../types.ts';
import type { Purpose, Report } from '../types.ts';
import { groupTrackers } from './group-trackers.ts';

export interface PurposeCount {
  purpose: Purpose;
  trackers: number;
  requests: number;
  /** trackers relative to the largest bar, 0..1 */
  share: number;
}

/** Purposes with at least one tracker, in PURPOSES order. */
export function purposeCounts(report: Report): PurposeCount[] {
  const trackers = new Map<Purpose, number>();
  const requests = new Map<Purpose, number>();
  for (const group of groupTrackers(report)) {
    for (const entry of group.trackers) {
      trackers.set(entry.purpose, (trackers.get(entry.purpose) ?? 0) + 1);
      requests.set(entry.purpose, (requests.get(entry.purpose) ?? 0) + entry.requests);
    }
  }
  const max = Math.max(0, ...trackers.values());
  return PURPOSES.filter((p) => (trackers.get(p) ?? 0) > 0).map((purpose) => {
    const count = trackers.get(purpose) ?? 0;
    return { purpose, trackers: count, requests: requests.get(purpose) ?? 0, share: max > 0 ? count / max : 0 };
  });
}
