// MAIN-world collector: reads the page's consent APIs (__tcfapi, __gpp, __uspapi, directly or through their
// locator frames), Consent Mode, CMP globals, consent-related storage, scripts, JSON-LD and policy links into one
// PageSnapshot (src/core/declared/snapshot.ts). It runs inside a hostile page: every call is guarded and timed
// out, every answer is deep-copied into bounded plain JSON, and nothing here ever blocks past the timeout.
// Self-contained on purpose (the probe is tiny): it imports only the CMP collector and types.
import type { ApiResult, ConsentModeCommand, IcsEntry, PageLink, PageSnapshot } from '../core/declared/snapshot.ts';
import { collectCmpGlobals } from './collect-cmp.ts';

// Captured when the probe loads at document_start, before page scripts can replace them.
const later = setTimeout;
const cancel = clearTimeout;
const listen = EventTarget.prototype.addEventListener;
const unlisten = EventTarget.prototype.removeEventListener;
const parseJson = JSON.parse;
const keysOf = Object.keys;
const isArray = Array.isArray;

const DEFAULT_TIMEOUT_MS = 2500;
const STORAGE_KEY = /consent|cmp|gpp|tcf|euconsent|usprivacy|^uc|osano|cookie|didomi|klaro|cc_cookie|cky|optanon|onetrust|truste|borlabs|cmplz|iab|privacy/i;
const POLICY_HINT = /privacy|privacidad|datenschutz|confidentialit|privacybeleid|privacyverklaring|informativa|cookie|vie priv/i;
const FOOTER = 'footer, [role="contentinfo"], #footer, .footer, .site-footer';

type Win = Record<string, unknown>;
const win = (): Win => window as unknown as Win;

export async function collectSnapshot(opts: { timeoutMs: number }): Promise<PageSnapshot> {
  const timeoutMs = Math.max(0, Math.min(Number.isFinite(opts.timeoutMs) ? opts.timeoutMs : DEFAULT_TIMEOUT_MS, 10_000));
  const [tcf, gpp, usp] = await Promise.all([probeTcf(timeoutMs), probeGpp(timeoutMs), probeUsp(timeoutMs)]);
  return {
    url: guard(() => location.href, ''),
    gpcInPage: guard(() => {
      const gpc = (navigator as unknown as Win).globalPrivacyControl;
      return typeof gpc === 'boolean' ? gpc : null;
    }, null),
    tcf,
    gpp,
    usp,
    consentMode: { commands: guard(consentCommands, []), ics: guard(icsEntries, null) },
    cmp: asRecord(plain(guard(collectCmpGlobals, {}), 12)),
    storage: guard(consentStorage, {}),
    scripts: guard(() => [...document.scripts].map((s) => s.src).filter((s) => s !== '').slice(0, 300), []),
    ...guard(jsonLdBlocks, { jsonLd: [] }),
    links: guard(policyLinks, { privacyPolicy: [], anchors: [] }),
  };
}

// ---- consent APIs --------------------------------------------------------------------------------------

type Callback = (data: unknown, success: unknown) => void;
/** Calls the API (directly or over postMessage); resolves with the first answer `accept` takes, or on timeout. */
type Invoke = (command: string, parameter: unknown, cb: Callback) => unknown;

interface Probe {
  invoke: Invoke;
  stop: () => void;
}

/** `__xxx` as a function, else the postMessage protocol through an ancestor's `__xxxLocator` frame, else null. */
function findApi(name: '__tcfapi' | '__gpp' | '__uspapi', version: number | string): Probe | null {
  const fn = guard(() => win()[name], undefined);
  if (typeof fn === 'function') {
    const invoke: Invoke =
      name === '__gpp'
        ? (command, parameter, cb) => fn(command, cb, parameter)
        : (command, parameter, cb) => fn(command, version, cb, parameter);
    return { invoke, stop: () => {} };
  }
  const target = locatorOwner(`${name}Locator`);
  return target ? postMessageApi(name, target, version) : null;
}

function locatorOwner(locator: string): Window | null {
  let frame: Window = window;
  for (let i = 0; i < 20; i++) {
    const owner = frame;
    if (guard(() => Boolean((owner.frames as unknown as Record<string, unknown>)[locator]), false)) return owner;
    if (guard(() => owner === window.top, true)) return null;
    frame = guard(() => owner.parent, owner);
  }
  return null;
}

function postMessageApi(name: string, target: Window, version: number | string): Probe {
  const pending = new Map<string, Callback>();
  const onMessage = (event: Event): void => {
    const raw = (event as MessageEvent).data;
    const data = typeof raw === 'string' ? guard(() => parseJson(raw.slice(0, 1_000_000)) as unknown, null) : raw;
    const ret = guard(() => (data as Win | null)?.[`${name}Return`], undefined) as Win | undefined;
    const callId = guard(() => ret?.callId, undefined);
    const cb = typeof callId === 'string' ? pending.get(callId) : undefined;
    if (ret && cb) cb(guard(() => ret.returnValue, undefined), guard(() => ret.success, false));
  };
  listen.call(window, 'message', onMessage);
  let seq = 0;
  return {
    invoke: (command, parameter, cb) => {
      const callId = `candor-${Math.random().toString(36).slice(2)}-${seq++}`;
      pending.set(callId, cb);
      target.postMessage({ [`${name}Call`]: { command, parameter, version, callId } }, '*');
      return undefined;
    },
    stop: () => unlisten.call(window, 'message', onMessage),
  };
}

/**
 * Runs `start` with a `done` callback and a deadline. `fallback` is asked at the deadline (e.g. a `cmpuishown`
 * answer kept aside). A throw, a timeout or garbage all end as `answered: false` with the reason.
 */
function withDeadline(
  timeoutMs: number,
  start: (done: (data: unknown) => void) => void,
  fallback: () => unknown = () => undefined,
): Promise<Pick<ApiResult, 'answered' | 'data' | 'error'>> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Pick<ApiResult, 'answered' | 'data' | 'error'>): void => {
      if (settled) return;
      settled = true;
      cancel(timer);
      resolve(result);
    };
    const timer = later(() => {
      const data = guard(fallback, undefined);
      finish(data !== undefined ? { answered: true, data } : { answered: false, error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    try {
      start((data) => finish({ answered: true, data: plain(data, 8) }));
    } catch (error) {
      finish({ answered: false, error: `threw: ${guard(() => String(error).slice(0, 200), 'error')}` });
    }
  });
}

async function probeTcf(timeoutMs: number): Promise<ApiResult> {
  const api = findApi('__tcfapi', 2);
  if (!api) return { present: false, answered: false };
  let shown: unknown;
  let listenerId: unknown;
  let fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  let pingSaysNoGdpr: unknown;
  const result = await withDeadline(
    timeoutMs,
    (done) => {
      const take = (tcData: unknown, success: unknown): void => {
        if (success === false || !isObject(tcData)) return;
        const status = guard(() => tcData.eventStatus, undefined);
        if (listenerId === undefined) listenerId = guard(() => tcData.listenerId, undefined);
        if (status === 'tcloaded' || status === 'useractioncomplete' || guard(() => tcData.gdprApplies, undefined) === false) done(tcData);
        else if (status === 'cmpuishown') shown = plain(tcData, 8);
      };
      // Outside the GDPR some CMPs only say so in ping and never fire an event.
      guard(() => api.invoke('ping', undefined, (p) => {
        if (isObject(p) && guard(() => p.gdprApplies, undefined) === false) pingSaysNoGdpr = plain(p, 4);
      }), undefined);
      api.invoke('addEventListener', undefined, take);
      // getTCData is deprecated in TCF 2.2 but still answered by many CMPs: ask it late, as a fallback.
      const fromGetTcData: Callback = (d, s) => {
        if (isObject(d) && typeof guard(() => d.tcString, 0) === 'string') {
          take({ ...(plain(d, 8) as Win), eventStatus: guard(() => d.eventStatus, undefined) ?? 'tcloaded' }, s);
        }
      };
      fallbackTimer = later(() => guard(() => api.invoke('getTCData', undefined, fromGetTcData), undefined), Math.floor(timeoutMs * 0.6));
    },
    () => shown ?? pingSaysNoGdpr,
  );
  if (fallbackTimer !== undefined) cancel(fallbackTimer);
  if (listenerId !== undefined) guard(() => api.invoke('removeEventListener', listenerId, () => {}), undefined);
  api.stop();
  return { present: true, ...clean(result) };
}

async function probeGpp(timeoutMs: number): Promise<ApiResult> {
  const api = findApi('__gpp', '1.1');
  if (!api) return { present: false, answered: false };
  let listenerId: unknown;
  const result = await withDeadline(timeoutMs, (done) => {
    const ready = (ping: unknown): boolean => isObject(ping) && guard(() => ping.signalStatus, '') === 'ready' && typeof guard(() => ping.gppString, 0) === 'string';
    // GPP 1.0 returned values instead of calling back (IAB GPP issue #87): check both.
    const pinged = api.invoke('ping', undefined, (p) => ready(p) && done(p));
    if (ready(pinged)) return done(pinged);
    if (isObject(pinged) && String(guard(() => pinged.gppVersion, '')).startsWith('1.0')) {
      const data = api.invoke('getGPPData', undefined, (d) => isObject(d) && done(d));
      if (isObject(data)) return done({ ...(plain(data, 8) as Win), gppVersion: '1.0' });
    }
    api.invoke('addEventListener', undefined, (event) => {
      if (!isObject(event)) return;
      if (listenerId === undefined) listenerId = guard(() => event.listenerId, undefined);
      const pingData = guard(() => event.pingData, undefined);
      const isReady = guard(() => event.eventName === 'signalStatus' && event.data === 'ready', false);
      if (isReady || ready(pingData)) done(pingData);
    });
  });
  if (listenerId !== undefined) guard(() => api.invoke('removeEventListener', listenerId, () => {}), undefined);
  api.stop();
  return { present: true, ...clean(result) };
}

async function probeUsp(timeoutMs: number): Promise<ApiResult> {
  const api = findApi('__uspapi', 1);
  if (!api) return { present: false, answered: false };
  const result = await withDeadline(timeoutMs, (done) => {
    api.invoke('getUSPData', undefined, (data, success) => {
      if (success !== false && isObject(data) && typeof guard(() => data.uspString, 0) === 'string') done(data);
    });
  });
  api.stop();
  return { present: true, ...clean(result) };
}

function clean(result: Pick<ApiResult, 'answered' | 'data' | 'error'>): Omit<ApiResult, 'present'> {
  const out: Omit<ApiResult, 'present'> = { answered: result.answered };
  if (result.data !== undefined) out.data = result.data;
  if (result.error !== undefined) out.error = result.error;
  return out;
}

// ---- Consent Mode ----------------------------------------------------------------------------------------

function consentCommands(): ConsentModeCommand[] {
  const layer = win().dataLayer;
  if (!isArray(layer)) return [];
  const out: ConsentModeCommand[] = [];
  const start = Math.max(0, layer.length - 1000);
  for (let i = start; i < layer.length && out.length < 50; i++) {
    const entry = guard(() => layer[i] as unknown, undefined);
    // gtag() pushes its Arguments object: index it, it is not an array
    if (!isObject(entry) || guard(() => entry[0], '') !== 'consent') continue;
    const command = guard(() => entry[1], '');
    const params = plain(guard(() => entry[2], undefined), 3);
    if ((command === 'default' || command === 'update') && isObject(params)) out.push({ command, params });
  }
  return out;
}

function icsEntries(): Record<string, IcsEntry> | null {
  const entries = guard(() => ((win().google_tag_data as Win | undefined)?.ics as Win | undefined)?.entries, undefined);
  if (!isObject(entries)) return null;
  const out: Record<string, IcsEntry> = {};
  for (const type of keysOf(entries).slice(0, 30)) {
    const entry = guard(() => entries[type], undefined);
    if (!isObject(entry) || type === '__proto__') continue;
    const clean: IcsEntry = {};
    const d = guard(() => entry.default, undefined);
    const u = guard(() => entry.update, undefined);
    if (typeof d === 'boolean') clean.default = d;
    if (typeof u === 'boolean') clean.update = u;
    out[type] = clean;
  }
  return out;
}

// ---- DOM and storage -------------------------------------------------------------------------------------

/** Consent-related localStorage, at most 512 KB of values in all (with JSON-LD, the snapshot stays far below 2 MB). */
function consentStorage(): Record<string, string> {
  const out: Record<string, string> = {};
  const store = window.localStorage;
  let total = 0;
  for (let i = 0; i < Math.min(store.length, 500) && keysOf(out).length < 60; i++) {
    const key = store.key(i);
    if (key === null || key === '__proto__' || !STORAGE_KEY.test(key)) continue;
    const value = store.getItem(key)?.slice(0, 32_768);
    if (value === undefined || total + value.length > 512_000) continue;
    total += value.length;
    out[key.slice(0, 200)] = value;
  }
  return out;
}

// What one page may send of its JSON-LD: a block over the DPV reader's 256 KB limit is sent as its first 256 KB + 1
// characters (enough for the reader to say so), and blocks past 1 MB in all are not sent (the snapshot must stay
// far below the background's 2 MB cap, or every declaration on the page would be lost); skipped blocks that declare
// DPV are counted so the report can say so.
const JSON_LD_BLOCK = 262_145;
const JSON_LD_TOTAL = 1_000_000;
const MENTIONS_DPV = /w3id\.org\/dpv|w3\.org\/ns\/dpv|"dpv:/i;

function jsonLdBlocks(): Pick<PageSnapshot, 'jsonLd' | 'jsonLdSkipped'> {
  const jsonLd: string[] = [];
  let total = 0;
  let skipped = 0;
  for (const script of [...document.querySelectorAll('script[type="application/ld+json" i]')].slice(0, 20)) {
    const text = (script.textContent ?? '').slice(0, JSON_LD_BLOCK);
    if (total + text.length > JSON_LD_TOTAL) {
      if (MENTIONS_DPV.test(text)) skipped++;
      continue;
    }
    total += text.length;
    jsonLd.push(text);
  }
  return skipped > 0 ? { jsonLd, jsonLdSkipped: skipped } : { jsonLd };
}

function policyLinks(): PageSnapshot['links'] {
  const privacyPolicy = [...document.querySelectorAll<HTMLLinkElement | HTMLAnchorElement>('link[rel~="privacy-policy" i][href], a[rel~="privacy-policy" i][href]')]
    .slice(0, 10)
    .map((l) => l.href);
  const all = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].slice(0, 5000);
  const hinted = all.filter((a) => POLICY_HINT.test(a.href) || POLICY_HINT.test((a.textContent ?? '').slice(0, 200)));
  const footer = all.filter((a) => !hinted.includes(a) && a.closest(FOOTER) !== null);
  const anchors: PageLink[] = [...hinted, ...footer].slice(0, 300).map((a) => ({
    href: a.href.slice(0, 4096),
    text: (a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
    rel: (a.getAttribute('rel') ?? '').slice(0, 100),
    inFooter: a.closest(FOOTER) !== null,
  }));
  return { privacyPolicy, anchors };
}

// ---- plain JSON copies of hostile values -------------------------------------------------------------------

/** A bounded plain-JSON copy: getters that throw, proxies and cycles end as missing values, never as an exception. */
function plain(value: unknown, depth: number, budget = { nodes: 5000 }): unknown {
  if (budget.nodes-- <= 0) return undefined;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.slice(0, 16_384);
  if (typeof value !== 'object' || depth <= 0) return undefined;
  return guard(() => {
    if (isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < Math.min(value.length, 500); i++) out.push(plain(guard(() => value[i] as unknown, undefined), depth - 1, budget) ?? null);
      return out;
    }
    const out: [string, unknown][] = [];
    for (const key of keysOf(value).slice(0, 200)) {
      if (key === '__proto__') continue;
      const item = plain(guard(() => (value as Win)[key], undefined), depth - 1, budget);
      if (item !== undefined) out.push([key, item]);
    }
    return Object.fromEntries(out);
  }, undefined);
}

function isObject(value: unknown): value is Win {
  return typeof value === 'object' && value !== null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return isObject(value) && !isArray(value) ? value : {};
}

function guard<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
