// The cookies section: measureCookieAccuracy (bench/cookies.ts) over a labelled Open Cookie Database CSV.
import { existsSync, readFileSync } from 'node:fs';
import { type CookieAccuracy, formatCookieAccuracy, measureCookieAccuracy } from './cookies.ts';
import { progress } from './stats.ts';

export function benchCookies(csvPath: string): CookieAccuracy | { error: string } {
  if (!existsSync(csvPath)) return { error: `${csvPath} not found` };
  const result = measureCookieAccuracy(readFileSync(csvPath, 'utf8'));
  progress(formatCookieAccuracy(result));
  return result;
}
