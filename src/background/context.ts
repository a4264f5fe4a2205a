// What every handler needs once the worker is ready: the tracker database and the saved preferences.
import type { TrackerDatabase } from '../core/trackers.ts';
import type { Preferences } from '../shared/messages.ts';

export interface BackgroundContext {
  db: TrackerDatabase | null;
  prefs: Preferences;
  browser: string;
}
