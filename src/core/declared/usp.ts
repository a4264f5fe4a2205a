// IAB US Privacy (CCPA) strings (shared/spec/metadata-formats.md §4): `1YNN` = version, notice, opt-out of
// sale, LSPA. Read from `__uspapi('getUSPData')` first, the `usprivacy` cookie as fallback. Deprecated since
// 2024-01-31 but still widely emitted.
import type { ConsentSignal, DeclaredSource, RecordedConsent } from '../types.ts';
import { isRecord } from './bounded-json.ts';
import type { ApiResult } from './snapshot.ts';

export interface UspDecoding {
  valid: boolean;
  error?: string;
  /** true = opted out of sale, false = not opted out, null = not applicable or unknown (`-`) */
  optedOut: boolean | null;
  detail: Record<string, unknown>;
}

export interface UspReading {
  source: DeclaredSource;
  signal: ConsentSignal | null;
  recorded: RecordedConsent | null;
}

export function decodeUspString(value: string): UspDecoding {
  const raw = value.trim();
  const detail: Record<string, unknown> = { uspString: raw.slice(0, 100) };
  const fail = (error: string): UspDecoding => ({ valid: false, error, optedOut: null, detail });
  if (raw.length !== 4) return fail(`US Privacy string must be 4 characters, got ${raw.length}`);
  if (raw[0] !== '1') return fail(`unsupported US Privacy string version "${raw[0]}"`);
  const flags = raw.slice(1).toUpperCase();
  if (!/^[YN-]{3}$/.test(flags)) return fail('US Privacy string flags must each be Y, N or -');
  // `-` everywhere: the CCPA does not apply. Where it applies, the opt-out flag is the string's point: Y or N.
  if (flags !== '---' && flags[1] === '-') return fail('US Privacy string opt-out flag must be Y or N where the string applies (only 1--- may leave it -)');
  const [notice, optOut, lspa] = [...flags].map((c) => (c === 'Y' ? true : c === 'N' ? false : null));
  Object.assign(detail, { notice, optOutSale: optOut, lspaCovered: lspa, applies: flags !== '---' });
  return { valid: true, optedOut: optOut ?? null, detail };
}

/**
 * The US Privacy source, its signal and, where the string applies, a recorded state: in an opt-out regime the
 * absence of an opt-out is the standing decision (no choice is pending), so `choiceMade` is true and only an
 * opt-out refuses a purpose (`advertising`); not opting out grants nothing explicitly.
 */
export function readUsp(api: ApiResult | null, cookie: string | null): UspReading | null {
  const data = api?.answered && isRecord(api.data) ? api.data : null;
  const apiString = data && typeof data.uspString === 'string' ? data.uspString : null;
  const raw = apiString ?? cookie;
  if (raw === null) {
    if (!api?.present) return null;
    const error = data ? 'the US Privacy API answered without a uspString' : `the US Privacy API did not answer${api.error ? `: ${api.error}` : ''}`;
    return { source: { kind: 'usp', valid: false, error, detail: { from: 'api' } }, signal: null, recorded: null };
  }
  const decoded = decodeUspString(raw);
  const source: DeclaredSource = {
    kind: 'usp',
    valid: decoded.valid,
    detail: { from: apiString !== null ? 'api' : 'cookie:usprivacy', ...decoded.detail },
  };
  if (decoded.error !== undefined) source.error = decoded.error;
  if (!decoded.valid) return { source, signal: null, recorded: null };
  const purposes = decoded.optedOut === true ? { advertising: false } : {};
  const signal: ConsentSignal = { source: 'usp', purposes, optedOut: decoded.optedOut, raw: raw.trim().slice(0, 100) };
  const recorded: RecordedConsent | null =
    decoded.optedOut === null ? null : { source: 'usp', choiceMade: true, purposes };
  return { source, signal, recorded };
}
