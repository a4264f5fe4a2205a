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

function isShortString(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_STRING;
}

export function isPageEvent(v: unknown): v is PageEvent {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  const scriptOk = e.scriptUrl === undefined || isShortString(e.scriptUrl);
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

/** Keeps the well-formed events of a batch (at most 500), drops the rest. */
export function validEvents(v: unknown): PageEvent[] {
  if (!Array.isArray(v)) return [];
  return v.slice(0, MAX_EVENTS).filter(isPageEvent);
}

export function isProbeMessage(v: unknown): v is ProbeMessage {
  return typeof v === 'object' && v !== null && ((v as ProbeMessage).kind === 'events' || (v as ProbeMessage).kind === 'snapshot');
}

/** The script that called a setter: the innermost http(s) frame of a stack trace that is not the extension's own. */
export function scriptFromStack(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  for (const line of stack.split('\n')) {
    const m = /(https?:\/\/[^\s)]+?)(?::\d+){1,2}\)?\s*$/.exec(line);
    if (m?.[1]) return m[1].slice(0, MAX_STRING);
  }
  return undefined;
}
