// Memoizes a view-model function per report object: the popup renders one report many times (tab switches,
// "show all" clicks) and a report with 2,000 requests should be aggregated once.
import type { Report } from '../types.ts';

export function memoByReport<T>(compute: (report: Report) => T): (report: Report) => T {
  const cache = new WeakMap<Report, T>();
  return (report) => {
    const hit = cache.get(report);
    if (hit !== undefined) return hit;
    const value = compute(report);
    cache.set(report, value);
    return value;
  };
}
