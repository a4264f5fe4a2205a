// Every declared-practices reader in the detection order of shared/spec/metadata-formats.md §12.2 (cheap →
// expensive): stored consent and CMPs, the consent APIs (with stored strings as fallback), the page's Consent
// Mode, its JSON-LD and links, the well-known GPC file, then what the network showed (gcs/gcd, P3P headers).
// Never throws: a reader that fails unexpectedly becomes an invalid source carrying the message.
import { CONSENT_PURPOSES } from '../types.ts';
import type { Consent, ConsentSignal, Declared, DeclaredCookie, DeclaredSource, DeclaredSourceKind, Purpose, RecordedConsent } from '../types.ts';
import { parseLiteral } from './cmp/cookiebot.ts';
import { type CmpReading, readCmps } from './cmp/index.ts';
import { readConsentMode } from './consent-mode.ts';
import { readDpv } from './dpv.ts';
import { readGoogleConsentParams } from './google-consent-params.ts';
import { readGpcWellKnown } from './gpc-well-known.ts';
import { readGpp } from './gpp.ts';
import type { PageCookie, WellKnownFetch } from './input.ts';
import { readP3p } from './p3p.ts';
import { findPolicyLink } from './policy-link.ts';
import { schemaOrgPolicyUrl } from './schema-org.ts';
import type { PageSnapshot } from './snapshot.ts';
import { readTcf } from './tcf.ts';
import { readUsp } from './usp.ts';

export interface DeclaredInput {
  pageUrl: string;
  /** the sanitized MAIN-world snapshot; null when the page gave none */
  snapshot: PageSnapshot | null;
  cookies: readonly PageCookie[];
  gpcJson: WellKnownFetch | null;
  /** values of P3P response headers seen on the page's own responses */
  p3pHeaders: readonly string[];
  /** URLs of Google requests that may carry gcs/gcd */
  googleRequestUrls: readonly string[];
}

export interface DeclaredOutput {
  declared: Declared;
  consent: Omit<Consent, 'preference'>;
}

const TCF_STORES = ['euconsent-v2', 'eupubconsent-v2'];
const GPP_STORES = ['OTGPPConsent'];
const USP_STORES = ['usprivacy'];
const MAX_GOOGLE_URLS = 1000;
const MAX_GOOGLE_SIGNALS = 10;
const MAX_P3P = 10;
const MAX_COOKIES = 5000;

/**
 * Reads everything the page declares. `consent.recorded` is, in this order of priority, a CMP's recorded choice
 * (the CMP is what the visitor clicked), else the TCF string, else GPP, else US Privacy, else Consent Mode;
 * every other reading is kept in `consent.signals` (US opt-out signals always, since a recorded consent has no
 * `optedOut`).
 */
export function readDeclared(input: DeclaredInput): DeclaredOutput {
  const sources: DeclaredSource[] = [];
  const cookies: DeclaredCookie[] = [];
  const candidates: RecordedConsent[] = [];
  const signals: ConsentSignal[] = [];
  const purposes = new Set<Purpose>();
  const recipients = new Set<string>();
  let declaresRecipients = false;
  let retentionSeconds: number | null = null;
  const snap = input.snapshot;
  const storage = snap?.storage ?? {};
  const attempt = <T>(kind: DeclaredSourceKind, read: () => T): T | null => {
    try {
      return read();
    } catch (error) {
      sources.push({ kind, valid: false, error: `reader failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) });
      return null;
    }
  };

  // 1. stored consent and CMPs
  const cmps =
    attempt('cmp', () =>
      readCmps({ cookies: input.cookies, storage, globals: snap?.cmp ?? {}, scripts: snap?.scripts ?? [] }),
    ) ?? [];
  const cmpRecorded: RecordedConsent[] = [];
  for (const reading of cmps as readonly CmpReading[]) {
    sources.push(reading.source);
    for (const cookie of reading.cookies) if (cookies.length < MAX_COOKIES) cookies.push(cookie);
    if (reading.recorded) cmpRecorded.push(reading.recorded);
    signals.push(...reading.signals);
  }
  // several CMPs on one page (migrations, widgets): the one holding a choice speaks first
  candidates.push(...cmpRecorded.filter((r) => r.choiceMade), ...cmpRecorded.filter((r) => !r.choiceMade));

  // 2. consent APIs, stored strings as fallback
  const tcf = attempt('tcf', () => readTcf(snap?.tcf ?? null, stored(input.cookies, storage, TCF_STORES) ?? cookiebotTcString(input.cookies)));
  if (tcf) sources.push(tcf.source);
  const gpp = attempt('gpp', () => readGpp(snap?.gpp ?? null, stored(input.cookies, storage, GPP_STORES)));
  if (gpp) {
    sources.push(gpp.source);
    signals.push(...gpp.signals);
  }
  const usp = attempt('usp', () => readUsp(snap?.usp ?? null, stored(input.cookies, storage, USP_STORES)?.value ?? null));
  if (usp) {
    sources.push(usp.source);
    if (usp.signal) signals.push(usp.signal);
  }

  // 3. Consent Mode in the page
  const consentMode = snap ? attempt('consent-mode', () => readConsentMode(snap.consentMode)) : null;
  if (consentMode) sources.push(consentMode.source);
  for (const recorded of [tcf?.recorded, gpp?.recorded, usp?.recorded]) if (recorded) candidates.push(recorded);
  if (consentMode) {
    const { signal } = consentMode;
    candidates.push({ source: 'consent-mode', choiceMade: signal.choiceMade ?? false, purposes: signal.purposes });
  }

  // 4. the page's JSON-LD (DPV) and its links
  attempt('dpv', () => {
    for (const block of snap?.jsonLd ?? []) {
      const dpv = attempt('dpv', () => readDpv(block));
      if (!dpv) continue;
      sources.push(dpv.source);
      for (const p of dpv.purposes) purposes.add(p);
      if (dpv.recipients) {
        declaresRecipients = true;
        for (const r of dpv.recipients) recipients.add(r);
      }
      if (dpv.retentionSeconds !== null) retentionSeconds = Math.max(retentionSeconds ?? 0, dpv.retentionSeconds);
    }
    const skipped = snap?.jsonLdSkipped ?? 0;
    if (skipped > 0) {
      sources.push({
        kind: 'dpv',
        valid: false,
        error: `${skipped} JSON-LD block${skipped > 1 ? 's' : ''} declaring DPV not read: the page's JSON-LD is larger than 1 MB in all`,
      });
    }
  });
  const policy = attempt('privacy-policy-link', () => {
    const link = findPolicyLink(input.pageUrl, snap?.links ?? { privacyPolicy: [], anchors: [] });
    if (link.policyUrl !== null) return link;
    const url = schemaOrgPolicyUrl(snap?.jsonLd ?? [], input.pageUrl);
    return url === null ? link : { source: { kind: 'privacy-policy-link' as const, valid: true, detail: { url, via: 'schema.org' } }, policyUrl: url };
  });
  if (policy?.source) sources.push(policy.source);

  // 5. well-known files
  const gpc = attempt('gpc-well-known', () => readGpcWellKnown(input.gpcJson));
  if (gpc?.source) sources.push(gpc.source);

  // 6. the network: Consent Mode on Google requests, P3P headers
  attempt('consent-mode', () => {
    const seen = new Set<string>();
    for (const url of input.googleRequestUrls.slice(0, MAX_GOOGLE_URLS)) {
      if (seen.size >= MAX_GOOGLE_SIGNALS) break;
      const signal = readGoogleConsentParams(url);
      if (!signal || seen.has(signal.raw ?? '')) continue;
      seen.add(signal.raw ?? '');
      signals.push(signal);
    }
  });
  attempt('p3p', () => {
    for (const header of [...new Set(input.p3pHeaders)].slice(0, MAX_P3P)) {
      const p3p = attempt('p3p', () => readP3p(header));
      if (!p3p) continue;
      sources.push(p3p.source);
      for (const p of p3p.purposes) purposes.add(p);
    }
  });

  const recorded = candidates[0] ?? null;
  for (const other of candidates.slice(1)) signals.push(asSignal(other, tcf, gpp, consentMode?.signal ?? null));
  const declared: Declared = {
    sources,
    cookies,
    recipients: declaresRecipients ? [...recipients].sort() : null,
    retentionSeconds,
    gpcSupported: gpc?.gpcSupported ?? null,
    policyUrl: policy?.policyUrl ?? null,
  };
  if (purposes.size > 0) declared.purposes = [...purposes];
  return { declared, consent: { recorded, signals: mergeSignals(signals) } };
}

/**
 * One signal per source where two readings of it agree: the US Privacy string arrives both as its opt-out signal
 * (`optedOut`, `raw`) and as the recorded state that lost on priority (`choiceMade`), which are one reading. A reading
 * that differs from the latest of its source in a field both carry (a new `gcs` value over the visit) stays apart, in
 * order, so the signals remain a timeline per source.
 */
export function mergeSignals(signals: readonly ConsentSignal[]): ConsentSignal[] {
  const out: ConsentSignal[] = [];
  for (const signal of signals) {
    let latest = -1;
    for (let i = out.length - 1; i >= 0 && latest < 0; i--) if (out[i]?.source === signal.source) latest = i;
    const into = out[latest];
    if (into !== undefined && compatible(into, signal)) out[latest] = merged(into, signal);
    else out.push({ ...signal });
  }
  return out;
}

function compatible(a: ConsentSignal, b: ConsentSignal): boolean {
  const agree = <T>(x: T | undefined, y: T | undefined): boolean => x === undefined || y === undefined || x === y;
  return (
    CONSENT_PURPOSES.every((p) => a.purposes[p] === b.purposes[p]) &&
    agree(a.choiceMade, b.choiceMade) &&
    agree(a.optedOut, b.optedOut) &&
    agree(a.raw, b.raw)
  );
}

function merged(a: ConsentSignal, b: ConsentSignal): ConsentSignal {
  const out: ConsentSignal = { ...a };
  const choiceMade = a.choiceMade ?? b.choiceMade;
  if (choiceMade !== undefined) out.choiceMade = choiceMade;
  const optedOut = a.optedOut !== undefined ? a.optedOut : b.optedOut;
  if (optedOut !== undefined) out.optedOut = optedOut;
  const raw = a.raw ?? b.raw;
  if (raw !== undefined) out.raw = raw;
  return out;
}

/** A recorded consent that lost on priority, kept as a signal with the raw string (or Consent Mode state) it came from. */
function asSignal(
  recorded: RecordedConsent,
  tcf: { source: DeclaredSource } | null,
  gpp: { source: DeclaredSource } | null,
  consentMode: ConsentSignal | null,
): ConsentSignal {
  const signal: ConsentSignal = { source: recorded.source, purposes: recorded.purposes, choiceMade: recorded.choiceMade };
  const raw =
    recorded.source === 'tcf'
      ? tcf?.source.detail?.tcString
      : recorded.source === 'gpp'
        ? gpp?.source.detail?.gppString
        : recorded.source === 'consent-mode'
          ? consentMode?.raw
          : undefined;
  if (typeof raw === 'string' && raw !== '') signal.raw = raw;
  return signal;
}

/** The first cookie (then localStorage key) of the given names, URL-decoded. */
function stored(cookies: readonly PageCookie[], storage: Readonly<Record<string, string>>, names: readonly string[]): { name: string; value: string } | null {
  for (const name of names) {
    const cookie = cookies.find((c) => c.name === name && c.value !== '');
    if (cookie) return { name, value: decode(cookie.value) };
  }
  for (const name of names) {
    const value = storage[name];
    if (typeof value === 'string' && value !== '') return { name: `localStorage:${name}`, value: decode(value) };
  }
  return null;
}

/**
 * Cookiebot with TCF on keeps the TC string inside its `CookieConsent` cookie (`iab2:'C…'`, §2.3, §6.2) rather than in
 * `euconsent-v2`: the fallback when the API does not answer.
 */
function cookiebotTcString(cookies: readonly PageCookie[]): { name: string; value: string } | null {
  const cookie = cookies.find((c) => c.name === 'CookieConsent' && c.value.includes('iab2'));
  if (!cookie) return null;
  const literal = parseLiteral(cookie.value);
  const iab2 = literal.ok ? literal.value.get('iab2') : undefined;
  return typeof iab2 === 'string' && iab2 !== '' ? { name: 'CookieConsent.iab2', value: iab2 } : null;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
