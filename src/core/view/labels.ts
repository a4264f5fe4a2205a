// Message keys for the closed vocabularies the UI shows (finding kinds, purposes, severities, …).
// Chrome message names allow only [A-Za-z0-9_@], so `tracking-before-consent` → `kind_tracking_before_consent`.
import { FINDING_KINDS, PHASES, PURPOSES, SEVERITIES } from '../types.ts';
import type { CookiePurposeSource, CookieSetter, DeclaredSourceKind, FindingKind, Party, Phase, Purpose, Severity } from '../types.ts';
import type { DeclarationStatus } from './cookie-rows.ts';
import type { DurationUnit } from './format-duration.ts';
import { LOG_ITEMS } from './recipient-logs.ts';
import type { LogItem } from './recipient-logs.ts';

export function messageKey(prefix: string, value: string): string {
  return `${prefix}_${value.replace(/[^A-Za-z0-9]/g, '_')}`;
}

export const kindKey = (kind: FindingKind): string => messageKey('kind', kind);
export const purposeKey = (purpose: Purpose | string): string => messageKey('purpose', purpose);
export const severityKey = (severity: Severity): string => messageKey('severity', severity);
export const phaseKey = (phase: Phase): string => messageKey('phase', phase);
export const partyKey = (party: Party): string => messageKey('party', party);
export const logItemKey = (item: LogItem): string => messageKey('log', item);
export const purposeSourceKey = (source: CookiePurposeSource): string => messageKey('purposeSource', source);
export const setterKey = (via: CookieSetter['via']): string => messageKey('via', via);
export const statusKey = (status: DeclarationStatus): string => messageKey('status', status);
export const sourceKindKey = (kind: DeclaredSourceKind): string => messageKey('source', kind);

const PURPOSE_SOURCES: readonly CookiePurposeSource[] = ['declared', 'known-cookie', 'tracker', 'heuristic', 'unknown'];
const SETTERS: readonly CookieSetter['via'][] = ['http', 'script', 'unknown'];
const STATUSES: readonly DeclarationStatus[] = ['declared', 'purpose-differs', 'undeclared', 'no-declaration'];
const SOURCE_KINDS: readonly DeclaredSourceKind[] = [
  'tcf',
  'gpp',
  'usp',
  'gpc-well-known',
  'consent-mode',
  'cmp',
  'p3p',
  'dpv',
  'privacy-policy-link',
];
const UNITS: readonly DurationUnit[] = ['seconds', 'minutes', 'hours', 'days', 'months', 'years'];

/** Every key the functions above can produce, plus duration keys: the locale test checks each one exists. */
export function vocabularyKeys(): string[] {
  return [
    ...FINDING_KINDS.map(kindKey),
    ...PURPOSES.map(purposeKey),
    ...SEVERITIES.map(severityKey),
    ...PHASES.map(phaseKey),
    ...(['first', 'third'] as const).map(partyKey),
    ...LOG_ITEMS.map(logItemKey),
    ...PURPOSE_SOURCES.map(purposeSourceKey),
    ...SETTERS.map(setterKey),
    ...STATUSES.map(statusKey),
    ...SOURCE_KINDS.map(sourceKindKey),
    ...UNITS.flatMap((u) => [`duration_${u}_one`, `duration_${u}_other`]),
    ...['verdict_high', 'verdict_medium', 'verdict_low', 'verdict_trackers', 'verdict_clean', 'verdict_nothing'],
    ...['cookie', 'request', 'storage', 'consent', 'preference', 'declaration', 'source', 'signal', 'gpc'].map((t) => `evidence_${t}`),
    ...['choiceMade', 'choiceNotMade', 'gpc_sent', 'gpc_notSent'],
  ];
}
