// The messages the MAIN-world probe sends to the isolated content script, and their type guards.
// Everything arriving from the page world is `unknown` until one of these guards accepts it.

export type NavigationKind = 'push' | 'replace' | 'pop' | 'hash';

export type PageEvent =
  | { type: 'cookie'; name: string; scriptUrl?: string }
  | { type: 'navigation'; kind: NavigationKind; url: string }
  | { type: 'restored'; url: string }
  | { type: 'storage'; area: 'local' | 'session'; key: string; origin: string; scriptUrl?: string };

export interface ProbeMessage {
  kind: 'events' | 'snapshot';
  payload: unknown;
}

const MAX_EVENTS = 500;
const MAX_STRING = 2048;

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
const execRegExp = uncurry(RegExp.prototype.exec) as (re: RegExp, s: string) => RegExpExecArray | null;
const keysOf = Object.keys;
const isArray = Array.isArray;
const primitiveJson = JSON.stringify as (value: string | number | boolean) => string;
const STACK_FRAME = /(https?:\/\/[^\s)]+?)(?::\d+){1,2}\)?\s*$/;
const HTTP_URL = /^https?:\/\//;

function isShortString(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_STRING;
}

export function isPageEvent(v: unknown): v is PageEvent {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  const scriptOk = e.scriptUrl === undefined || (isShortString(e.scriptUrl) && HTTP_URL.test(e.scriptUrl));
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

/** The script that called a setter: the innermost http(s) frame of a stack trace that is not the extension's own. */
export function scriptFromStack(stack: string | undefined): string | undefined {
  if (typeof stack !== 'string' || stack === '') return undefined;
  const lines = splitString(stack, '\n');
  for (let i = 0; i < lines.length; i++) {
    const m = execRegExp(STACK_FRAME, lines[i] ?? '');
    if (m?.[1]) return sliceString(m[1], 0, MAX_STRING);
  }
  return undefined;
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
