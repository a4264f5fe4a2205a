// IAB TCF v2 TC strings (shared/spec/metadata-formats.md §2), read from the `__tcfapi` answer or a stored
// cookie, decoded with @iabtechlabtcf/core. The GVL is not needed to decode and is never fetched.
import { TCString } from '@iabtechlabtcf/core';
import { toPurpose } from '../purposes.ts';
import type { DeclaredSource, PurposeMap, RecordedConsent } from '../types.ts';
import { isRecord } from './bounded-json.ts';
import { combinePurposes } from './combine-purposes.ts';
import type { ApiResult } from './snapshot.ts';

/** Longer than any real TC string (a full vendor bitfield is a few KB). */
const MAX_TC_STRING = 32_768;
const EVENT_STATUSES = new Set(['tcloaded', 'cmpuishown', 'useractioncomplete']);

export interface TcDecoding {
  valid: boolean;
  error?: string;
  detail: Record<string, unknown>;
  /** null when the string could not be decoded */
  choiceMade: boolean | null;
  purposes: PurposeMap;
}

export interface TcfReading {
  source: DeclaredSource;
  recorded: RecordedConsent | null;
}

/**
 * Decodes one TC string. `eventStatus` (from the API) decides whether a choice was made: `tcloaded` (a stored
 * choice) and `useractioncomplete` mean yes, `cmpuishown` means the banner is still waiting. Without an event
 * status (a stored cookie) a string with a creation date counts as a saved choice: CMPs store it when the user acts.
 */
export function decodeTcString(tcString: string, eventStatus?: string): TcDecoding {
  const detail: Record<string, unknown> = { tcString: tcString.slice(0, 4096) };
  if (eventStatus !== undefined) detail.eventStatus = eventStatus;
  const fail = (error: string): TcDecoding => ({ valid: false, error, detail, choiceMade: null, purposes: {} });
  const trimmed = tcString.trim();
  if (trimmed === '') return fail('empty TC string');
  if (trimmed.length > MAX_TC_STRING) return fail(`TC string longer than ${MAX_TC_STRING} characters`);
  if (!/^[A-Za-z0-9_\-.]+$/.test(trimmed)) return fail('TC string is not base64url');
  // The first 6 bits are the version: 'C' = 2; 'B' = TCF v1, invalid since 2020-08-15.
  if (trimmed[0] !== 'C') {
    const version = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(trimmed[0] ?? '');
    return fail(`TC string version ${version} is not supported (TCF v2 strings start with "C")`);
  }
  let model: ReturnType<typeof TCString.decode>;
  try {
    model = TCString.decode(trimmed);
  } catch (error) {
    return fail(`TC string could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
  const consents = ids(model.purposeConsents);
  const legitimate = ids(model.purposeLegitimateInterests);
  Object.assign(detail, {
    cmpId: model.cmpId,
    cmpVersion: model.cmpVersion,
    policyVersion: model.policyVersion,
    vendorListVersion: model.vendorListVersion,
    created: isoDate(model.created),
    lastUpdated: isoDate(model.lastUpdated),
    isServiceSpecific: model.isServiceSpecific,
    publisherCC: model.publisherCountryCode,
    purposeOneTreatment: model.purposeOneTreatment,
    purposeConsents: consents,
    purposeLegitimateInterests: legitimate,
    specialFeatureOptins: ids(model.specialFeatureOptins),
    vendorConsentCount: model.vendorConsents.size,
    vendorLegitimateInterestCount: model.vendorLegitimateInterests.size,
    vendorsDisclosedCount: model.vendorsDisclosed.size,
  });
  // Policy version 4 is TCF 2.2; strings with an older policy are invalid since 2023-09-30 but still decode.
  if (typeof model.policyVersion === 'number' && model.policyVersion < 4) detail.outdated = true;
  const created = model.created instanceof Date ? model.created.getTime() : Number.NaN;
  const choiceMade =
    eventStatus === 'useractioncomplete' || eventStatus === 'tcloaded'
      ? true
      : eventStatus === 'cmpuishown'
        ? false
        : Number.isFinite(created) && created > 0;
  return {
    valid: true,
    detail,
    choiceMade,
    purposes: tcfPurposes(new Set(consents), new Set(legitimate), model.purposeOneTreatment === true),
  };
}

/**
 * TCF purposes → Candor purposes. A TCF purpose counts as present when the string gives it a legal basis
 * (consent or legitimate interest); a Candor purpose is granted when every present TCF purpose mapping onto it
 * is consented (combinePurposes), and refused when none is present (nothing grants it). Purpose 1 (storage on
 * the device) is a precondition: refused without purpose-one treatment, it refuses every storage purpose.
 * `necessary` and `social` are not covered by TCF and stay absent.
 */
export function tcfPurposes(consents: ReadonlySet<number>, legitimate: ReadonlySet<number>, purposeOneTreatment: boolean): PurposeMap {
  const tcfIds = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const present = tcfIds.filter((id) => consents.has(id) || legitimate.has(id));
  const out = combinePurposes(
    'tcf-purpose',
    present.map((id) => [id, consents.has(id)] as const),
  );
  const storageAllowed = consents.has(1) || purposeOneTreatment;
  for (const id of tcfIds) {
    const purpose = toPurpose('tcf-purpose', id);
    if (purpose === 'unknown' || purpose === 'necessary') continue;
    if (!storageAllowed || out[purpose] === undefined) out[purpose] = false;
  }
  return out;
}

/** The TCF source from the API answer (preferred) or a stored string; null when neither exists. */
export function readTcf(api: ApiResult | null, stored: { name: string; value: string } | null): TcfReading | null {
  const tcData = api?.answered && isRecord(api.data) ? api.data : null;
  const apiString = tcData && typeof tcData.tcString === 'string' && tcData.tcString !== '' ? tcData.tcString : null;
  if (tcData && apiString === null && tcData.gdprApplies === false) {
    return {
      source: { kind: 'tcf', valid: true, detail: { from: 'api', gdprApplies: false, ...cmpFields(tcData) } },
      recorded: null,
    };
  }
  // The banner is up and the CMP has no string (the IAB's CmpApi answers tcString '' with cmpuishown): a first
  // visit, or a CMP asking again. A present framework with no choice made, not a malformed answer. The API comes
  // first (§2.3): a stored string it no longer stands by is only noted.
  if (tcData && apiString === null && tcData.eventStatus === 'cmpuishown' && tcData.gdprApplies !== false) {
    const staleCookie = stored ? { storedCookie: stored.name } : {};
    return {
      source: { kind: 'tcf', valid: true, detail: { from: 'api', eventStatus: 'cmpuishown', ...pick(tcData, ['gdprApplies']), ...cmpFields(tcData), ...staleCookie } },
      recorded: { source: 'tcf', choiceMade: false, purposes: tcfPurposes(new Set(), new Set(), false) },
    };
  }
  const tcString = apiString ?? stored?.value ?? null;
  if (tcString === null) {
    if (!api?.present) return null;
    const error = tcData
      ? 'the TCF API answered without a TC string'
      : `the TCF API did not answer${api.error ? `: ${api.error}` : ''}`;
    return { source: { kind: 'tcf', valid: false, error, detail: { from: 'api' } }, recorded: null };
  }
  const eventStatus =
    apiString !== null && typeof tcData?.eventStatus === 'string' && EVENT_STATUSES.has(tcData.eventStatus)
      ? tcData.eventStatus
      : undefined;
  const decoded = decodeTcString(tcString, eventStatus);
  const detail: Record<string, unknown> = {
    from: apiString !== null ? 'api' : `cookie:${stored?.name ?? ''}`,
    ...decoded.detail,
  };
  if (tcData) Object.assign(detail, pick(tcData, ['gdprApplies', 'cmpStatus', 'addtlConsent']));
  if (api?.present && !api.answered && api.error) detail.apiError = api.error;
  const source: DeclaredSource = { kind: 'tcf', valid: decoded.valid, detail };
  if (decoded.error !== undefined) source.error = decoded.error;
  const recorded: RecordedConsent | null =
    decoded.valid && decoded.choiceMade !== null && tcData?.gdprApplies !== false
      ? { source: 'tcf', choiceMade: decoded.choiceMade, purposes: decoded.purposes }
      : null;
  return { source, recorded };
}

function cmpFields(tcData: Record<string, unknown>): Record<string, unknown> {
  return pick(tcData, ['cmpId', 'cmpVersion', 'tcfPolicyVersion', 'cmpStatus']);
}

function pick(from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = from[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out[key] = typeof value === 'string' ? value.slice(0, 500) : value;
    }
  }
  return out;
}

function ids(vector: { forEach(cb: (value: boolean, id: number) => void): void }): number[] {
  const out: number[] = [];
  vector.forEach((value, id) => {
    if (value) out.push(id);
  });
  return out;
}

function isoDate(date: unknown): string | null {
  if (!(date instanceof Date) || !Number.isFinite(date.getTime())) return null;
  return date.toISOString();
}
