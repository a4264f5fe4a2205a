// Loads the bundled @ghostery/trackerdb engine once per worker start (6–10 ms to deserialize).
import loadTrackerDB from '@ghostery/trackerdb';
import browser from 'webextension-polyfill';
import { type TrackerDatabase, type TrackerDbEngine, trackerDatabase } from '../core/trackers.ts';

export async function loadTrackerDatabase(): Promise<TrackerDatabase> {
  const response = await fetch(browser.runtime.getURL('trackerdb.engine'));
  const bytes = new Uint8Array(await response.arrayBuffer());
  const db = await loadTrackerDB(bytes);
  return trackerDatabase(db as unknown as TrackerDbEngine, __TRACKERDB_VERSION__);
}
