// The messages the MAIN-world probe sends to the isolated content script, and their type guards.
// Everything arriving from the page world is `unknown` until one of these guards accepts it.

export type NavigationKind = 'push' | 'replace' | 'pop' | 'hash';

/**
 * `scriptUrls`: the distinct scripts on the setter's stack, innermost first (at most MAX_SCRIPTS); the background
 * picks the setter among them (core/observe/setter-script.ts), so a consent manager that wraps document.cookie is
 * not credited with what the script it wraps sets.
 */
export type PageEvent = (
  | { type: 'cookie'; name: string; scriptUrls?: string[] }
  | { type: 'navigation'; kind: NavigationKind; url: string }
  | { type: 'restored'; url: string }
  | { type: 'storage'; area: 'local' | 'session'; key: string; origin: string; scriptUrls?: string[] }
) & {
  /** epoch ms when it happened in the page (the worker keeps it within the visit and never past its own clock) */
  t?: number;
};

export interface ProbeMessage {
  kind: 'events' | 'snapshot';
  payload: unknown;
  /** snapshots: epoch ms when the page began to be read */
  readAt?: unknown;
}

const MAX_EVENTS = 500;
const MAX_STRING = 2048;
export const MAX_SCRIPTS = 8;

// Built-ins captured when this module loads. In the MAIN-world probe that is at document_start, before any page
// script: a page may later replace String/RegExp/Array/JSON methods or plant Object.prototype.toJSON to change what
// the probe reports (blame another script, add events), so the probe's hot paths never look them up again.
const callOf = Function.prototype.call;
/** `fn` called with an explicit `this`, bound now: no later lookup of `call` or of the method. */
function uncurry<F>(fn: F): unknown {
  return callOf.bind(fn as unknown as (...args: unknown[]) => unknown);
}
export const sliceString = uncurry(String.prototype.slice) as (s: string, start: number, end?: number) => string;
const splitString = uncurry(String.prototype.split) as (s: string, separator: string) => string[];
const indexOfString = uncurry(String.prototype.indexOf) as (s: string, search: string) => number;
const execRegExp = uncurry(RegExp.prototype.exec) as (re: RegExp, s: string) => RegExpExecArray | null;
const keysOf = Object.keys;
const isArray = Array.isArray;
const primitiveJson = JSON.stringify as (value: string | number | boolean) => string;
const STACK_FRAME = /(https?:\/\/[^\s)]+?)(?::\d+){1,2}\)?\s*$/;
const HTTP_URL = /^https?:\/\//;

function isShortString(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_STRING;
}

function isScriptList(v: unknown): v is string[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.length <= MAX_SCRIPTS &&
    v.every((url) => isShortString(url) && HTTP_URL.test(url)) &&
    new Set(v).size === v.length
  );
}

export function isPageEvent(v: unknown): v is PageEvent {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  if (e.t !== undefined && !(typeof e.t === 'number' && Number.isFinite(e.t))) return false;
  const scriptOk = e.scriptUrls === undefined || isScriptList(e.scriptUrls);
  if (e.type === 'cookie') return isShortString(e.name) && e.name.length > 0 && scriptOk;
  if (e.type === 'navigation') {
    return (e.kind === 'push' || e.kind === 'replace' || e.kind === 'pop' || e.kind === 'hash') && isShortString(e.url);
  }
  if (e.type === 'restored') return isShortString(e.url);
  if (e.type === 'storage') {
    return (e.area === 'local' || e.area === 'session') && isShortString(e.key) && isShortString(e.origin) && scriptOk;
  }
  return false;
}

/**
 * Keeps the well-formed events of a batch (at most 500), drops the rest. With `origin` (the frame's own origin, as
 * the isolated script knows it), storage writes and navigations must belong to that origin: a page cannot report
 * another site's storage or send the visit elsewhere.
 */
export function validEvents(v: unknown, origin?: string): PageEvent[] {
  if (!Array.isArray(v)) return [];
  const events = v.slice(0, MAX_EVENTS).filter(isPageEvent);
  return origin === undefined ? events : events.filter((e) => belongsTo(e, origin));
}

function belongsTo(event: PageEvent, origin: string): boolean {
  if (event.type === 'storage') return event.origin === origin;
  if (event.type === 'navigation' || event.type === 'restored') {
    try {
      return new URL(event.url).origin === origin;
    } catch {
      return false;
    }
  }
  return true;
}

export function isProbeMessage(v: unknown): v is ProbeMessage {
  return typeof v === 'object' && v !== null && ((v as ProbeMessage).kind === 'events' || (v as ProbeMessage).kind === 'snapshot');
}

/**
 * The scripts on a setter's stack trace: the distinct http(s) frames that are not the extension's own, innermost
 * first, at most MAX_SCRIPTS; empty when there is none. The list is built as text and split by the captured
 * String.prototype.split, so an index setter the page planted on Array.prototype never sees it.
 */
export function scriptsFromStack(stack: string | undefined): string[] {
  if (typeof stack !== 'string' || stack === '') return [];
  const lines = splitString(stack, '\n');
  let joined = '';
  let count = 0;
  for (let i = 0; i < lines.length && count < MAX_SCRIPTS; i++) {
    const m = execRegExp(STACK_FRAME, lines[i] ?? '');
    const url = m?.[1] ? sliceString(m[1], 0, MAX_STRING) : '';
    // a frame URL holds no white space (STACK_FRAME), so a newline separates them unambiguously
    if (url === '' || indexOfString(`\n${joined}\n`, `\n${url}\n`) >= 0) continue;
    joined = count === 0 ? url : `${joined}\n${url}`;
    count++;
  }
  return count === 0 ? [] : splitString(joined, '\n');
}

/**
 * JSON text of plain data that reads only own enumerable properties and never calls `toJSON` (JSON.stringify would
 * call one planted on Object.prototype and let the page rewrite what the probe sends). Values JSON cannot hold are
 * dropped from objects and become null in arrays, as with JSON.stringify; nesting is cut at 64 levels.
 */
export function jsonText(value: unknown, depth = 0): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return primitiveJson(value);
  if (typeof value !== 'object' || value === null || depth > 64) return 'null';
  let out = '';
  if (isArray(value)) {
    for (let i = 0; i < value.length; i++) out = i === 0 ? jsonText(value[i], depth + 1) : `${out},${jsonText(value[i], depth + 1)}`;
    return `[${out}]`;
  }
  const keys = keysOf(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? '';
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol' || typeof item === 'bigint') continue;
    const pair = `${primitiveJson(key)}:${jsonText(item, depth + 1)}`;
    out = out === '' ? pair : `${out},${pair}`;
  }
  return `{${out}}`;
}
