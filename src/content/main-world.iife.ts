// MAIN-world probe, injected at document_start before any page script. It (1) notes which script sets a cookie
// or a storage key (document.cookie, cookieStore, Storage) and (2) reads the page's consent metadata on request.
// It talks to the isolated content script only over a per-page secret channel; the page never learns the name.
import { collectSnapshot } from './collect.ts';
import { jsonText, type PageEvent, scriptsFromStack, sliceString } from './page-events.ts';

(() => {
  // Capture what we use before the page can replace it, and call it only through these bindings: a page that
  // replaces Function.prototype.call, EventTarget.prototype.*, CustomEvent, JSON or Error's stack machinery after
  // load must neither learn the channel's name nor change what goes through it.
  const callOf = Function.prototype.call;
  const uncurry = <F>(fn: F): unknown => callOf.bind(fn as unknown as (...args: unknown[]) => unknown);
  const doc = document;
  const dispatch = uncurry(EventTarget.prototype.dispatchEvent) as (target: EventTarget, event: Event) => boolean;
  const listen = uncurry(EventTarget.prototype.addEventListener) as (target: EventTarget, type: string, fn: (event: Event) => void) => void;
  const unlisten = uncurry(EventTarget.prototype.removeEventListener) as (target: EventTarget, type: string, fn: (event: Event) => void) => void;
  const Custom = CustomEvent;
  const create = Object.create;
  const describe = Object.getOwnPropertyDescriptor;
  const define = Object.defineProperty;
  const toText = String;
  const indexOfString = uncurry(String.prototype.indexOf) as (s: string, search: string) => number;
  const trimString = uncurry(String.prototype.trim) as (s: string) => string;
  const later = setTimeout;
  const clock = Date.now;
  const ErrorCtor = Error;
  // Gecko reads stacks through an accessor on Error.prototype; V8 puts `stack` on each error.
  const stackGetter = describe(ErrorCtor.prototype, 'stack')?.get;
  const readStack = stackGetter ? (uncurry(stackGetter) as (error: Error) => unknown) : (error: Error) => error.stack;
  const nonce = crypto.randomUUID();
  const channel = `candor:${nonce}`;
  const isTop = window === window.top;
  const origin = location.origin;

  /** An event whose init dictionary has no prototype: no getter the page planted on Object.prototype is read. */
  const event = (type: string, detail: string): CustomEvent => {
    const init = create(null) as CustomEventInit<string>;
    init.detail = detail;
    return new Custom(type, init);
  };
  const postText = (text: string): void => {
    dispatch(doc, event(channel, text));
  };

  // Handshake: whichever of the two scripts runs second completes it; both run before any page script.
  const hello = (): void => {
    dispatch(doc, event('candor:hello', nonce));
  };
  const onInit = (): void => hello();
  const onAck = (): void => {
    unlisten(doc, 'candor:init', onInit);
    unlisten(doc, 'candor:ack', onAck);
  };
  listen(doc, 'candor:init', onInit);
  listen(doc, 'candor:ack', onAck);
  hello();

  // Batched setter notes, kept as JSON text (no arrays or objects the page could reach through their prototypes).
  let batch = '';
  let count = 0;
  const note = (item: PageEvent): void => {
    if (count >= 500) return;
    // with when it happened: the batch reaches the worker later, and later still when the worker is busy
    const json = jsonText(item);
    const text = `${sliceString(json, 0, json.length - 1)},"t":${clock()}}`;
    batch = count === 0 ? text : `${batch},${text}`;
    count += 1;
    if (count === 1) {
      later(() => {
        const payload = batch;
        batch = '';
        count = 0;
        postText(`{"kind":"events","payload":[${payload}]}`);
      }, 50);
    }
  };

  /** V8 formats stacks through Error.prepareStackTrace and Error.stackTraceLimit: use the defaults while reading. */
  const withDefaultStack = <T>(read: () => T): T | undefined => {
    const savedPrepare = describe(ErrorCtor, 'prepareStackTrace');
    const savedLimit = describe(ErrorCtor, 'stackTraceLimit');
    const value = (v: unknown): PropertyDescriptor => {
      const d = create(null) as PropertyDescriptor;
      d.value = v;
      d.writable = true;
      d.configurable = true;
      return d;
    };
    const restore = (key: 'prepareStackTrace' | 'stackTraceLimit', desc: PropertyDescriptor | undefined): void => {
      if (desc) define(ErrorCtor, key, desc);
      else delete (ErrorCtor as unknown as Record<string, unknown>)[key];
    };
    try {
      define(ErrorCtor, 'prepareStackTrace', value(undefined));
      define(ErrorCtor, 'stackTraceLimit', value(50));
      return read();
    } catch {
      // the page made them unchangeable: no attribution rather than a forged one
      return undefined;
    } finally {
      try {
        restore('prepareStackTrace', savedPrepare);
        restore('stackTraceLimit', savedLimit);
      } catch {
        // leave them as they are
      }
    }
  };
  /** The scripts on the stack, innermost first: the background picks the setter among them (not a wrapping CMP). */
  const callers = (): string[] =>
    withDefaultStack(() => {
      const stack = readStack(new ErrorCtor());
      return scriptsFromStack(typeof stack === 'string' ? stack : undefined);
    }) ?? [];

  const cookieDesc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookieDesc?.set && cookieDesc.get) {
    const { get, set } = cookieDesc;
    const setCookie = uncurry(set) as (target: Document, value: unknown) => void;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookieDesc.enumerable ?? true,
      get,
      set(this: Document, value: unknown) {
        try {
          const text = toText(value);
          const eq = indexOfString(text, '=');
          const name = trimString(eq >= 0 ? sliceString(text, 0, eq) : text);
          const scriptUrls = callers();
          const short = sliceString(name, 0, 256);
          if (name) note(scriptUrls.length ? { type: 'cookie', name: short, scriptUrls } : { type: 'cookie', name: short });
        } catch {
          // never interfere with the page
        }
        setCookie(this, value);
      },
    });
  }

  const store = (globalThis as { cookieStore?: { set?: (...args: unknown[]) => Promise<void> } }).cookieStore;
  const storeProto = store ? Object.getPrototypeOf(store) : null;
  if (storeProto && typeof storeProto.set === 'function') {
    const original = storeProto.set as (...args: unknown[]) => Promise<void>;
    storeProto.set = function (this: unknown, ...args: unknown[]) {
      try {
        const first = args[0];
        const name = typeof first === 'string' ? first : (first as { name?: unknown } | null)?.name;
        const scriptUrls = callers();
        if (typeof name === 'string' && name) note(scriptUrls.length ? { type: 'cookie', name, scriptUrls } : { type: 'cookie', name });
      } catch {
        // never interfere with the page
      }
      return original.apply(this, args);
    };
  }

  const setItem = uncurry(Storage.prototype.setItem) as (storage: Storage, key: string, value: string) => void;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    try {
      const area = this === window.sessionStorage ? 'session' : 'local';
      const scriptUrls = callers();
      const k = sliceString(toText(key), 0, 256);
      note(scriptUrls.length ? { type: 'storage', area, key: k, origin, scriptUrls } : { type: 'storage', area, key: k, origin });
    } catch {
      // never interfere with the page
    }
    return setItem(this, key, value);
  };

  // Snapshots and navigations: the top frame only.
  if (!isTop) return;

  // Same-document navigations stay in the visit; the report lists them.
  const loc = location;
  const pushState = History.prototype.pushState;
  const replaceState = History.prototype.replaceState;
  const navigated = (kind: 'push' | 'replace' | 'pop' | 'hash'): void => {
    try {
      note({ type: 'navigation', kind, url: sliceString(toText(loc.href), 0, 2048) });
    } catch {
      // never interfere with the page
    }
  };
  History.prototype.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
    const result = pushState.apply(this, args);
    navigated('push');
    return result;
  };
  History.prototype.replaceState = function (this: History, ...args: Parameters<History['replaceState']>) {
    const result = replaceState.apply(this, args);
    navigated('replace');
    return result;
  };
  listen(window, 'popstate', () => navigated('pop'));
  listen(window, 'hashchange', () => navigated('hash'));
  // Back/forward cache: the page is shown again without a new request; the background starts a new visit for it.
  listen(window, 'pageshow', (event: Event) => {
    if ((event as PageTransitionEvent).persisted) note({ type: 'restored', url: sliceString(toText(loc.href), 0, 2048) });
  });

  let collecting = false;
  const snapshot = (): void => {
    if (collecting) return;
    collecting = true;
    // when the reading began: the consent state read is the site's as of no earlier than this
    const readAt = clock();
    void (async () => {
      let text: string;
      try {
        text = jsonText(await collectSnapshot({ timeoutMs: 2500 }));
      } catch (error) {
        text = jsonText({ error: sliceString(toText(error), 0, 200) });
      }
      collecting = false;
      postText(`{"kind":"snapshot","payload":${text},"readAt":${readAt}}`);
    })();
  };
  listen(doc, `${channel}:collect`, snapshot);
  listen(window, 'load', () => later(snapshot, 500));
})();
