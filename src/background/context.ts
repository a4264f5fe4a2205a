// What every handler needs once the worker is ready: the tracker database and the saved preferences.
import type { TrackerDatabase } from '../core/trackers.ts';
import type { Preferences } from '../shared/messages.ts';

export interface BackgroundContext {
  db: TrackerDatabase | null;
  prefs: Preferences;
  browser: string;
}

/**
 * Runs a browser event's handler; a listener must never throw: one odd event must not cost the observations already
 * made. `what` names the event in the console warning.
 */
export function safely(what: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    console.warn(`Candor: ${what} skipped`, error);
  }
}
