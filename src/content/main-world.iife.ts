// MAIN-world probe, injected at document_start before any page script. It (1) notes which script sets a cookie
// or a storage key (document.cookie, cookieStore, Storage) and (2) reads the page's consent metadata on request.
// It talks to the isolated content script only over a per-page secret channel; the page never learns the name.
import { collectSnapshot } from './collect.ts';
import { type PageEvent, scriptFromStack } from './page-events.ts';

(() => {
  // Capture what we use before the page can replace it.
  const doc = document;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const listen = EventTarget.prototype.addEventListener;
  const unlisten = EventTarget.prototype.removeEventListener;
  const Custom = CustomEvent;
  const stringify = JSON.stringify;
  const later = setTimeout;
  const ErrorCtor = Error;
  const nonce = crypto.randomUUID();
  const channel = `candor:${nonce}`;
  const isTop = window === window.top;
  const origin = location.origin;

  const post = (kind: 'events' | 'snapshot', payload: unknown): void => {
    dispatch.call(doc, new Custom(channel, { detail: stringify({ kind, payload }) }));
  };

  // Handshake: whichever of the two scripts runs second completes it; both run before any page script.
  const hello = (): void => {
    dispatch.call(doc, new Custom('candor:hello', { detail: nonce }));
  };
  const onInit = (): void => hello();
  const onAck = (): void => {
    unlisten.call(doc, 'candor:init', onInit);
    unlisten.call(doc, 'candor:ack', onAck);
  };
  listen.call(doc, 'candor:init', onInit);
  listen.call(doc, 'candor:ack', onAck);
  hello();

  // Batched setter notes.
  let queue: PageEvent[] = [];
  const note = (event: PageEvent): void => {
    if (queue.length >= 500) return;
    if (queue.push(event) === 1) {
      later(() => {
        const batch = queue;
        queue = [];
        post('events', batch);
      }, 50);
    }
  };
  const caller = (): string | undefined => scriptFromStack(new ErrorCtor().stack);

  const cookieDesc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookieDesc?.set && cookieDesc.get) {
    const { get, set } = cookieDesc;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookieDesc.enumerable ?? true,
      get,
      set(this: Document, value: unknown) {
        try {
          const text = String(value);
          const eq = text.indexOf('=');
          const name = (eq >= 0 ? text.slice(0, eq) : text).trim();
          const scriptUrl = caller();
          if (name) note(scriptUrl ? { type: 'cookie', name: name.slice(0, 256), scriptUrl } : { type: 'cookie', name: name.slice(0, 256) });
        } catch {
          // never interfere with the page
        }
        set.call(this, value);
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
        const scriptUrl = caller();
        if (typeof name === 'string' && name) note(scriptUrl ? { type: 'cookie', name, scriptUrl } : { type: 'cookie', name });
      } catch {
        // never interfere with the page
      }
      return original.apply(this, args);
    };
  }

  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    try {
      const area = this === window.sessionStorage ? 'session' : 'local';
      const scriptUrl = caller();
      const k = String(key).slice(0, 256);
      note(scriptUrl ? { type: 'storage', area, key: k, origin, scriptUrl } : { type: 'storage', area, key: k, origin });
    } catch {
      // never interfere with the page
    }
    return setItem.call(this, key, value);
  };

  // Snapshots and navigations: the top frame only.
  if (!isTop) return;

  // Same-document navigations stay in the visit; the report lists them.
  const loc = location;
  const pushState = History.prototype.pushState;
  const replaceState = History.prototype.replaceState;
  const navigated = (kind: 'push' | 'replace' | 'pop' | 'hash'): void => {
    try {
      note({ type: 'navigation', kind, url: String(loc.href).slice(0, 2048) });
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
  listen.call(window, 'popstate', () => navigated('pop'));
  listen.call(window, 'hashchange', () => navigated('hash'));
  // Back/forward cache: the page is shown again without a new request; the background starts a new visit for it.
  listen.call(window, 'pageshow', (event: Event) => {
    if ((event as PageTransitionEvent).persisted) note({ type: 'restored', url: String(loc.href).slice(0, 2048) });
  });

  let collecting = false;
  const snapshot = (): void => {
    if (collecting) return;
    collecting = true;
    collectSnapshot({ timeoutMs: 2500 })
      .then((s) => post('snapshot', s))
      .catch((error: unknown) => post('snapshot', { error: String(error).slice(0, 200) }))
      .finally(() => {
        collecting = false;
      });
  };
  listen.call(doc, `${channel}:collect`, snapshot);
  listen.call(window, 'load', () => later(snapshot, 500));
})();
