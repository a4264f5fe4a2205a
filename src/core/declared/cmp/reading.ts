// The shapes shared by the CMP readers (re-exported from ./index.ts, the agreed interface) and the one way to
// assemble a reading, so every reader reports detection, validity and notes alike.
import type { ConsentSignal, DeclaredCookie, DeclaredSource, PurposeMap, RecordedConsent } from '../../types.ts';
import type { PageCookie } from '../input.ts';

export interface CmpInput {
  cookies: readonly PageCookie[];
  storage: Readonly<Record<string, string>>;
  /** collectCmpGlobals(): each CMP under its own key */
  globals: Readonly<Record<string, unknown>>;
  /** script src URLs on the page */
  scripts: readonly string[];
}

export interface CmpReading {
  /** 'onetrust' | 'cookiebot' | … */
  cmp: string;
  /** kind 'cmp', detail.cmp = name */
  source: DeclaredSource;
  /** source 'cmp:<name>' */
  recorded: RecordedConsent | null;
  /** source 'cmp:<name>' */
  cookies: DeclaredCookie[];
  signals: ConsentSignal[];
}

export interface ReadingParts {
  /** how the CMP was recognised: `cookie:OptanonConsent`, `global:onetrust`, `script:cdn.cookielaw.org`, … */
  detectedBy: readonly string[];
  /** null = the stored choice could not be read (see error) */
  choice: { choiceMade: boolean; purposes: PurposeMap } | null;
  cookies?: DeclaredCookie[];
  signals?: ConsentSignal[];
  /** why a stored value is unreadable; makes the source `valid: false` */
  error?: string;
  /** what was read from where, for the report and for debugging a site */
  detail?: Record<string, unknown>;
  /** declarations that had to be skipped (regex names that are not simple prefixes, …) */
  skipped?: readonly string[];
}

export function makeReading(cmp: string, parts: ReadingParts): CmpReading {
  const detail: Record<string, unknown> = { cmp, detectedBy: [...parts.detectedBy], ...parts.detail };
  if (parts.skipped && parts.skipped.length > 0) detail.skippedDeclarations = [...parts.skipped];
  const source: DeclaredSource = { kind: 'cmp', valid: parts.error === undefined, detail };
  if (parts.error !== undefined) source.error = parts.error;
  return {
    cmp,
    source,
    recorded: parts.choice ? { source: `cmp:${cmp}`, ...parts.choice } : null,
    cookies: parts.cookies ?? [],
    signals: parts.signals ?? [],
  };
}

/** "present but no choice": the state the tracking-before-consent rule depends on. */
export function noChoice(purposes: PurposeMap = {}): { choiceMade: false; purposes: PurposeMap } {
  return { choiceMade: false, purposes: { ...purposes, necessary: true } };
}
