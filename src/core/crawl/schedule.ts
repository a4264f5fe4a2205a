// Runs sites with a fixed concurrency, one retry per site by default. The runner is given (the CLI's runs each
// site in its own process under a time limit), so the scheduling is tested without browsers.
import type { ListEntry } from './list.ts';

export type SiteResult<R> = { ok: true; value: R } | { ok: false; error: string };

export interface SiteOutcome<R> {
  entry: ListEntry;
  result: SiteResult<R>;
  attempts: number;
  /** why each failed attempt failed (a site that succeeded on its retry has one) */
  errors: string[];
  startedAt: number;
  finishedAt: number;
}

export interface ScheduleOptions<R> {
  concurrency: number;
  /** extra attempts after a failure (default 1) */
  retries?: number;
  run(entry: ListEntry, attempt: number): Promise<R>;
  now(): number;
  onStart?(entry: ListEntry, attempt: number): void;
  /** called once per site, in the order sites finish; awaited before the slot takes the next site */
  onDone(outcome: SiteOutcome<R>): void | Promise<void>;
}

export function defaultConcurrency(cores: number): number {
  return Math.max(1, Math.floor(cores / 2));
}

/** A limit for one site, all phases: each phase may need a load, a banner click and a reload. */
export function defaultSiteTimeout(phases: number, timeoutMs: number): number {
  return Math.max(1, phases) * (2 * timeoutMs + 15_000);
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

export async function runSites<R>(entries: readonly ListEntry[], o: ScheduleOptions<R>): Promise<void> {
  const retries = o.retries ?? 1;
  let next = 0;
  const slot = async (): Promise<void> => {
    for (let i = next++; i < entries.length; i = next++) {
      const entry = entries[i];
      if (!entry) continue;
      const startedAt = o.now();
      let result: SiteResult<R> = { ok: false, error: 'not run' };
      let attempts = 0;
      const errors: string[] = [];
      while (attempts <= retries) {
        attempts++;
        o.onStart?.(entry, attempts);
        try {
          result = { ok: true, value: await o.run(entry, attempts) };
          break;
        } catch (error) {
          const text = message(error);
          result = { ok: false, error: text };
          errors.push(text);
        }
      }
      await o.onDone({
        entry,
        result,
        attempts,
        errors,
        startedAt,
        finishedAt: o.now(),
      });
    }
  };
  const workers = Math.max(1, Math.min(o.concurrency, entries.length));
  await Promise.all(Array.from({ length: workers }, slot));
}
