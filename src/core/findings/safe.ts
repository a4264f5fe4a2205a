// Defensive accessors: a report is assembled from page-controlled data, so a missing list must read as empty, never throw.
import type {
  Consent,
  ConsentMoment,
  ConsentSignal,
  Declared,
  DeclaredCookie,
  DeclaredSource,
  ObservedCookie,
  ObservedRequest,
  RecordedConsent,
  Visit,
} from '../types.ts';

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function requestsOf(visit: Visit): ObservedRequest[] {
  const observed: unknown = visit.observed;
  return isObject(observed) ? list<ObservedRequest>(observed.requests).filter(isObject) : [];
}

export function cookiesOf(visit: Visit): ObservedCookie[] {
  const observed: unknown = visit.observed;
  return isObject(observed)
    ? list<ObservedCookie>(observed.cookies).filter((c) => isObject(c) && typeof c.name === 'string')
    : [];
}

function declaredOf(visit: Visit): Partial<Declared> {
  const declared: unknown = visit.declared;
  return isObject(declared) ? (declared as Partial<Declared>) : {};
}

export function declaredCookiesOf(visit: Visit): DeclaredCookie[] {
  return list<DeclaredCookie>(declaredOf(visit).cookies).filter((c) => isObject(c) && typeof c.name === 'string');
}

export function sourcesOf(visit: Visit): DeclaredSource[] {
  return list<DeclaredSource>(declaredOf(visit).sources).filter(isObject);
}

/** registrable domains; null where nothing declares recipients */
export function recipientsOf(visit: Visit): string[] | null {
  const recipients: unknown = declaredOf(visit).recipients;
  return Array.isArray(recipients) ? recipients.filter((r): r is string => typeof r === 'string') : null;
}

export function policyUrlOf(visit: Visit): string | null {
  const url: unknown = declaredOf(visit).policyUrl;
  return typeof url === 'string' && url !== '' ? url : null;
}

export function siteRetentionOf(visit: Visit): number | null {
  const seconds: unknown = declaredOf(visit).retentionSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : null;
}

function consentOf(visit: Visit): Partial<Consent> {
  const consent: unknown = visit.consent;
  return isObject(consent) ? (consent as Partial<Consent>) : {};
}

export function recordedOf(visit: Visit): RecordedConsent | null {
  const recorded: unknown = consentOf(visit).recorded;
  if (!isObject(recorded)) return null;
  const purposes = isObject(recorded.purposes) ? recorded.purposes : {};
  return { ...(recorded as unknown as RecordedConsent), purposes };
}

export function signalsOf(visit: Visit): ConsentSignal[] {
  return list<ConsentSignal>(consentOf(visit).signals)
    .filter(isObject)
    .map((s) => ({ ...s, purposes: isObject(s.purposes) ? s.purposes : {} }));
}

export function preferenceOf(visit: Visit): Consent['preference'] {
  const preference: unknown = consentOf(visit).preference;
  return isObject(preference) ? (preference as Consent['preference']) : {};
}

/** An observation's time (ms since the visit started); 0 (the visit's start) where the page data lacks one. */
export function atOf(item: { at?: unknown }): number {
  return typeof item.at === 'number' && Number.isFinite(item.at) ? item.at : 0;
}

/** `consent.history`, oldest first: moments with a source, a boolean choice and a time only. */
export function consentHistoryOf(visit: Visit): ConsentMoment[] {
  return list<ConsentMoment>(consentOf(visit).history)
    .filter(
      (m) =>
        isObject(m) && typeof m.source === 'string' && typeof m.choiceMade === 'boolean' && typeof m.at === 'number' && Number.isFinite(m.at),
    )
    .map((m) => ({ ...m, purposes: isObject(m.purposes) ? m.purposes : {} }));
}
