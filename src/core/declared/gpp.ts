// IAB Global Privacy Platform strings (shared/spec/metadata-formats.md §3), from the `__gpp` API's ping data
// or a stored string, decoded with @iabgpp/cmpapi's GppModel. Embedded sections reuse their own readers:
// `tcfeuv2` is a TC string, `uspv1` a US Privacy string; the US national and state sections carry opt-outs.
import { GppModel, Sections } from '@iabgpp/cmpapi';
import type { ConsentSignal, DeclaredSource, RecordedConsent } from '../types.ts';
import { isRecord } from './bounded-json.ts';
import type { ApiResult } from './snapshot.ts';
import { decodeTcString } from './tcf.ts';
import { decodeUspString } from './usp.ts';

const MAX_GPP_STRING = 32_768;
const OPT_OUT_FIELDS = ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'] as const;

export interface GppReading {
  source: DeclaredSource;
  /** from the embedded TCF EU section, else from US opt-outs (see readUsSections) */
  recorded: RecordedConsent | null;
  signals: ConsentSignal[];
}

/** The GPP source; null when the page has neither the API nor a stored string. */
export function readGpp(api: ApiResult | null, stored: { name: string; value: string } | null): GppReading | null {
  const data = api?.answered && isRecord(api.data) ? api.data : null;
  const apiString = data && typeof data.gppString === 'string' && data.gppString !== '' ? data.gppString : null;
  const raw = apiString ?? stored?.value ?? null;
  if (raw === null) {
    if (!api?.present) return null;
    if (data && Array.isArray(data.applicableSections) && data.applicableSections.includes(-1)) {
      return { source: { kind: 'gpp', valid: true, detail: { from: 'api', applicableSections: [-1] } }, recorded: null, signals: [] };
    }
    const error = data ? 'the GPP API answered without a GPP string' : `the GPP API did not answer${api.error ? `: ${api.error}` : ''}`;
    return { source: { kind: 'gpp', valid: false, error, detail: { from: 'api' } }, recorded: null, signals: [] };
  }
  const applicable = data ? applicableSections(data.applicableSections) : null;
  const from = apiString !== null ? 'api' : `stored:${stored?.name ?? ''}`;
  return decodeGpp(raw.trim(), from, applicable);
}

export function decodeGpp(gppString: string, from: string, applicable: number[] | null): GppReading {
  const detail: Record<string, unknown> = { from, gppString: gppString.slice(0, 4096) };
  if (applicable) detail.applicableSections = applicable.length ? applicable : [-1];
  const invalid = (error: string): GppReading => ({ source: { kind: 'gpp', valid: false, error, detail }, recorded: null, signals: [] });
  if (gppString.length > MAX_GPP_STRING) return invalid(`GPP string longer than ${MAX_GPP_STRING} characters`);
  // Header type 3 encodes to a first character 'D'.
  if (!/^D[A-Za-z0-9_\-.~]*$/.test(gppString)) return invalid('not a GPP string (GPP strings start with "D" and are base64url)');
  let model: GppModel;
  let ids: number[];
  try {
    model = new GppModel(gppString);
    ids = model.getSectionIds().filter((id): id is number => typeof id === 'number');
  } catch (error) {
    return invalid(`GPP string could not be decoded: ${message(error)}`);
  }
  const parts = gppString.split('~').slice(1);
  const sections: Record<string, unknown> = {};
  const names: string[] = [];
  let recorded: RecordedConsent | null = null;
  const signals: ConsentSignal[] = [];
  const us: { name: string; optedOut: boolean | null; refused: boolean; values: Record<string, unknown> }[] = [];
  for (const [index, id] of ids.entries()) {
    const name = Sections.SECTION_ID_NAME_MAP.get(id) ?? `section${id}`;
    names.push(name);
    const segment = parts[index] ?? '';
    if (name === 'tcfeuv2') {
      const tc = decodeTcString(segment);
      if (!tc.valid) return invalid(`tcfeuv2 section: ${tc.error ?? 'invalid'}`);
      sections[name] = tc.detail;
      const applies = applicable === null || applicable.includes(id);
      if (applies && tc.choiceMade !== null) recorded = { source: 'gpp', choiceMade: tc.choiceMade, purposes: tc.purposes };
      continue;
    }
    if (name === 'uspv1') {
      const usp = decodeUspString(segment);
      if (!usp.valid) return invalid(`uspv1 section: ${usp.error ?? 'invalid'}`);
      sections[name] = usp.detail;
      if (applicable === null || applicable.includes(id)) us.push({ name, optedOut: usp.optedOut, refused: usp.optedOut === true, values: usp.detail });
      continue;
    }
    if (!/^us[a-z]{2,3}$/.test(name)) {
      sections[name] = { encoded: segment.slice(0, 500) };
      continue;
    }
    let fields: unknown;
    try {
      fields = model.getSection(name);
    } catch (error) {
      return invalid(`${name} section could not be decoded: ${message(error)}`);
    }
    const values = usValues(fields);
    sections[name] = values;
    if (applicable === null || applicable.includes(id)) us.push({ name, ...optOutState(values), values });
  }
  detail.sections = names;
  detail.decoded = sections;
  if (us.length > 0) {
    // Opted out only where every applicable section is: one that still says "did not opt out" of sale, sharing or
    // targeted advertising is what GPC asks to change (`gpc-ignored`). Any opt-out refuses advertising.
    const states = us.map((s) => s.optedOut);
    const out = states.includes(false) ? false : states.includes(true) ? true : null;
    const purposes = us.some((s) => s.refused) ? { advertising: false } : {};
    signals.push({ source: 'gpp', purposes, optedOut: out, raw: gppString.slice(0, 4096) });
    // US opt-out regimes: see usp.ts — an applicable section is a standing decision; only an opt-out refuses.
    if (recorded === null && out !== null) recorded = { source: 'gpp', choiceMade: true, purposes: { ...purposes } };
  }
  return { source: { kind: 'gpp', valid: true, detail }, recorded, signals };
}

/**
 * SaleOptOut / SharingOptOut / TargetedAdvertisingOptOut: 1 opted out, 2 did not, 0 not applicable. Opted out when
 * none says "did not" and one says "opted out"; `refused` when any says "opted out".
 */
function optOutState(values: Record<string, unknown>): { optedOut: boolean | null; refused: boolean } {
  const states = OPT_OUT_FIELDS.map((f) => values[f]);
  const refused = states.includes(1);
  return { optedOut: states.includes(2) ? false : refused ? true : null, refused };
}

function usValues(fields: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isRecord(fields)) return out;
  for (const key of ['Version', ...OPT_OUT_FIELDS, 'SaleOptOutNotice', 'SharingOptOutNotice', 'TargetedAdvertisingOptOutNotice', 'MspaCoveredTransaction', 'Gpc']) {
    const value = fields[key];
    if (typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

/** The sections that apply: null = no restriction; [] = none applies (`[-1]`, §3.6). */
function applicableSections(value: unknown): number[] | null {
  if (!Array.isArray(value)) return null;
  const ids = value.filter((v): v is number => Number.isInteger(v)).slice(0, 50);
  if (ids.includes(-1)) return [];
  // [0] is a stub's placeholder until the CMP is ready: it restricts nothing that is in the string.
  return ids.length === 0 || ids.every((id) => id <= 0) ? null : ids;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
