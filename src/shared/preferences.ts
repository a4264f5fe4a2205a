// The visitor's saved preferences: defaults (no browser APIs, so the command line can use them too).
import type { Preferences } from './messages.ts';

export const DEFAULT_PREFERENCES: Preferences = {
  defaults: {},
  sites: {},
  gpc: false,
  // the seed privacy statement's own retention: 14 days
  retentionDays: 14,
};
