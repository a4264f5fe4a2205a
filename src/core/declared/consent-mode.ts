// Google Consent Mode v2 state in the page (shared/spec/metadata-formats.md §5): `google_tag_data.ics` when
// gtag.js/GTM has loaded (it is what tags actually obey), else the `gtag('consent', …)` commands in dataLayer.
// Effective state per type = update ?? default. Network parameters (gcs/gcd) are read in google-consent-params.ts.
import type { ConsentSignal, DeclaredSource } from '../types.ts';
import { combinePurposes } from './combine-purposes.ts';
import type { ConsentModeCommand, IcsEntry } from './snapshot.ts';

export { readGoogleConsentParams } from './google-consent-params.ts';

const KNOWN_TYPES = new Set([
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
]);

export interface ConsentModeState {
  /** type → granted */
  states: Record<string, boolean>;
  /** an update was applied (a choice reached the tags) */
  updated: boolean;
  from: 'ics' | 'dataLayer';
}

export interface ConsentModeReading {
  source: DeclaredSource;
  signal: ConsentSignal;
}

/** The Consent Mode source and signal; null when the page uses no Consent Mode. */
export function readConsentMode(input: {
  commands: readonly ConsentModeCommand[];
  ics: Readonly<Record<string, IcsEntry>> | null;
}): ConsentModeReading | null {
  const state = (input.ics ? fromIcs(input.ics) : null) ?? fromCommands(input.commands);
  if (state === null) return null;
  const source: DeclaredSource = {
    kind: 'consent-mode',
    valid: true,
    detail: { from: state.from, states: state.states, updated: state.updated },
  };
  return { source, signal: toSignal(state) };
}

function toSignal(state: ConsentModeState): ConsentSignal {
  return {
    source: 'consent-mode',
    // a Candor purpose is granted only when every type present that maps onto it is granted
    purposes: combinePurposes('consent-mode', Object.entries(state.states)),
    choiceMade: state.updated,
    raw: Object.entries(state.states)
      .map(([type, granted]) => `${type}=${granted ? 'granted' : 'denied'}`)
      .join(';'),
  };
}

export function fromIcs(ics: Readonly<Record<string, IcsEntry>>): ConsentModeState | null {
  const states: Record<string, boolean> = {};
  let updated = false;
  for (const [type, entry] of Object.entries(ics)) {
    if (!KNOWN_TYPES.has(type)) continue;
    const value = entry.update ?? entry.default;
    if (value === undefined) continue;
    states[type] = value;
    if (entry.update !== undefined) updated = true;
  }
  return Object.keys(states).length > 0 ? { states, updated, from: 'ics' } : null;
}

/**
 * Replays the commands in order. Region-scoped defaults apply to some visitors only and Candor does not know the
 * visitor's region: they are used for a type only where no region-less default sets it.
 */
export function fromCommands(commands: readonly ConsentModeCommand[]): ConsentModeState | null {
  const defaults: Record<string, boolean> = {};
  const regional: Record<string, boolean> = {};
  const updates: Record<string, boolean> = {};
  let updated = false;
  for (const { command, params } of commands) {
    const scoped = command === 'default' && params.region !== undefined;
    const target = command === 'update' ? updates : scoped ? regional : defaults;
    for (const [type, value] of Object.entries(params)) {
      if (!KNOWN_TYPES.has(type) || (value !== 'granted' && value !== 'denied')) continue;
      target[type] = value === 'granted';
      if (command === 'update') updated = true;
    }
  }
  const states = { ...regional, ...defaults, ...updates };
  return Object.keys(states).length > 0 ? { states, updated, from: 'dataLayer' } : null;
}
