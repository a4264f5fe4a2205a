// The MAIN-world collector against a fake page (no browser here): consent APIs that answer late, never, with
// garbage or by throwing, the postMessage protocol through a locator frame, Consent Mode, storage and the DOM.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { collectSnapshot } from '../../../src/content/collect.ts';
import { sanitizeSnapshot } from '../../../src/core/declared/snapshot.ts';

type Fake = EventTarget & Record<string, unknown>;

interface PageOptions {
  globals?: Record<string, unknown>;
  storage?: Record<string, string>;
  scripts?: string[];
  jsonLd?: string[];
  anchors?: { href: string; text: string; rel?: string; footer?: boolean }[];
  policyLinks?: string[];
  /** an ancestor frame that owns `<name>Locator` and answers over postMessage */
  locator?: { name: string; answer: (call: Record<string, unknown>) => unknown };
}

function fakePage(options: PageOptions = {}): Fake {
  const win = new EventTarget() as Fake;
  const top = new EventTarget() as Fake;
  const storage = options.storage ?? {};
  const keys = Object.keys(storage);
  Object.assign(win, options.globals ?? {}, {
    frames: {},
    top,
    parent: top,
    localStorage: { length: keys.length, key: (i: number) => keys[i] ?? null, getItem: (k: string) => storage[k] ?? null },
  });
  Object.assign(top, { frames: {}, top, parent: top });
  if (options.locator) {
    const { name, answer } = options.locator;
    (top.frames as Record<string, unknown>)[`${name}Locator`] = {};
    top.postMessage = (message: Record<string, unknown>) => {
      const call = message[`${name}Call`] as Record<string, unknown>;
      const returnValue = answer(call);
      if (returnValue === undefined) return;
      const data = JSON.stringify({ [`${name}Return`]: { returnValue, success: true, callId: call.callId } });
      setTimeout(() => win.dispatchEvent(new MessageEvent('message', { data })), 5);
    };
  }
  const anchors = (options.anchors ?? []).map((a) => ({
    href: a.href,
    textContent: a.text,
    getAttribute: (n: string) => (n === 'rel' ? (a.rel ?? null) : null),
    closest: () => (a.footer ? {} : null),
  }));
  vi.stubGlobal('window', win);
  vi.stubGlobal('location', { href: 'https://www.shop.example/basket' });
  vi.stubGlobal('navigator', { globalPrivacyControl: true });
  vi.stubGlobal('document', {
    scripts: (options.scripts ?? []).map((src) => ({ src })),
    querySelectorAll: (selector: string) => {
      if (selector.includes('ld+json')) return (options.jsonLd ?? []).map((textContent) => ({ textContent }));
      if (selector.includes('privacy-policy')) return (options.policyLinks ?? []).map((href) => ({ href }));
      if (selector === 'a[href]') return anchors;
      return [];
    },
  });
  return win;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const TC = 'CQuSqEAQuSqEAAcADBENCWFgAIHAAEIAAAYgF5wAgAFALzAAAAAA.IAAA.YAAAAAAAAAAA';

describe('collectSnapshot: TCF', () => {
  test('waits past the incomplete first callback for tcloaded', async () => {
    const removed: unknown[] = [];
    fakePage({
      globals: {
        __tcfapi: (command: string, _v: number, cb: (d: unknown, ok: boolean) => void, param: unknown) => {
          if (command === 'ping') cb({ cmpLoaded: false, cmpStatus: 'stub' }, true);
          if (command === 'addEventListener') {
            cb({ cmpStatus: 'loading', listenerId: 3 }, true);
            setTimeout(() => cb({ tcString: TC, eventStatus: 'tcloaded', gdprApplies: true, listenerId: 3 }, true), 10);
          }
          if (command === 'removeEventListener') removed.push(param);
        },
      },
    });
    const snap = await collectSnapshot({ timeoutMs: 500 });
    expect(snap.tcf).toEqual({ present: true, answered: true, data: { tcString: TC, eventStatus: 'tcloaded', gdprApplies: true, listenerId: 3 } });
    expect(removed).toEqual([3]);
    expect(snap.gpp).toEqual({ present: false, answered: false });
    expect(snap.gpcInPage).toBe(true);
  });

  test.each<[string, unknown, RegExp]>([
    ['never answers', () => {}, /no answer within 60 ms/],
    ['throws', () => {
      throw new Error('CMP crashed');
    }, /threw: Error: CMP crashed/],
    ['answers garbage', (_c: string, _v: number, cb: (d: unknown, ok: boolean) => void) => cb('garbage', true), /no answer within 60 ms/],
    ['answers failure', (_c: string, _v: number, cb: (d: unknown, ok: boolean) => void) => cb({ tcString: TC, eventStatus: 'tcloaded' }, false), /no answer within 60 ms/],
  ])('%s: present, not answered, never blocks', async (_name, api, error) => {
    fakePage({ globals: { __tcfapi: api } });
    const snap = await collectSnapshot({ timeoutMs: 60 });
    expect(snap.tcf.present).toBe(true);
    expect(snap.tcf.answered).toBe(false);
    expect(snap.tcf.error).toMatch(error);
  });

  test('cmpuishown is taken at the deadline', async () => {
    fakePage({
      globals: {
        __tcfapi: (c: string, _v: number, cb: (d: unknown, ok: boolean) => void) => {
          if (c === 'addEventListener') cb({ tcString: TC, eventStatus: 'cmpuishown' }, true);
        },
      },
    });
    const snap = await collectSnapshot({ timeoutMs: 50 });
    expect(snap.tcf).toMatchObject({ answered: true, data: { eventStatus: 'cmpuishown' } });
  });

  test('falls back to getTCData', async () => {
    fakePage({
      globals: {
        __tcfapi: (c: string, _v: number, cb: (d: unknown, ok: boolean) => void) => {
          if (c === 'getTCData') cb({ tcString: TC, gdprApplies: true }, true);
        },
      },
    });
    const snap = await collectSnapshot({ timeoutMs: 100 });
    expect(snap.tcf).toMatchObject({ answered: true, data: { tcString: TC, eventStatus: 'tcloaded' } });
  });

  test('hostile answers are deep-copied into bounded plain JSON', async () => {
    const cyclic: Record<string, unknown> = { tcString: TC, eventStatus: 'useractioncomplete' };
    cyclic.self = cyclic;
    Object.defineProperty(cyclic, 'trap', { enumerable: true, get: () => { throw new Error('getter'); } });
    const proxy = new Proxy({ version: 1, uspString: '1YNN' }, { ownKeys: () => { throw new Error('proxy'); }, get: (t, k) => Reflect.get(t, k) });
    fakePage({
      globals: {
        __tcfapi: (c: string, _v: number, cb: (d: unknown, ok: boolean) => void) => c === 'addEventListener' && cb(cyclic, true),
        __uspapi: (_c: string, _v: number, cb: (d: unknown, ok: boolean) => void) => cb(proxy, true),
      },
    });
    const snap = await collectSnapshot({ timeoutMs: 50 });
    expect(snap.tcf.answered).toBe(true);
    expect(() => JSON.stringify(snap)).not.toThrow();
    expect((snap.tcf.data as Record<string, unknown>).trap).toBeUndefined();
    // a Proxy that refuses to list its keys cannot be copied: answered, but with nothing readable
    expect(snap.usp).toEqual({ present: true, answered: true });
    expect(sanitizeSnapshot(JSON.parse(JSON.stringify(snap)))).not.toBeNull();
  });

  test('postMessage through an ancestor __tcfapiLocator frame', async () => {
    fakePage({
      locator: {
        name: '__tcfapi',
        answer: (call) => (call.command === 'addEventListener' ? { tcString: TC, eventStatus: 'useractioncomplete', listenerId: 1 } : undefined),
      },
    });
    const snap = await collectSnapshot({ timeoutMs: 300 });
    expect(snap.tcf).toMatchObject({ present: true, answered: true, data: { tcString: TC, eventStatus: 'useractioncomplete' } });
  });
});

describe('collectSnapshot: GPP and USP', () => {
  test('GPP 1.1: consumes data on signalStatus ready', async () => {
    const ping = { gppVersion: '1.1', signalStatus: 'ready', gppString: 'DBABLA~CAAqAAAAAABA.YA', applicableSections: [7] };
    fakePage({
      globals: {
        __gpp: (command: string, cb: (d: unknown, ok: boolean) => void) => {
          if (command === 'ping') cb({ ...ping, signalStatus: 'not ready', gppString: '' }, true);
          if (command === 'addEventListener') {
            cb({ eventName: 'listenerRegistered', listenerId: 1, data: true, pingData: { signalStatus: 'not ready' } }, true);
            setTimeout(() => cb({ eventName: 'signalStatus', listenerId: 1, data: 'ready', pingData: ping }, true), 10);
          }
        },
      },
    });
    const snap = await collectSnapshot({ timeoutMs: 300 });
    expect(snap.gpp).toEqual({ present: true, answered: true, data: ping });
  });

  test('GPP 1.0: values returned, not called back', async () => {
    fakePage({
      globals: {
        __gpp: (command: string) => {
          if (command === 'ping') return { gppVersion: '1.0', cmpStatus: 'loaded' };
          if (command === 'getGPPData') return { gppString: 'DBABLA~CAAqAAAAAABA.YA', applicableSections: [7] };
          return undefined;
        },
      },
    });
    const snap = await collectSnapshot({ timeoutMs: 100 });
    expect(snap.gpp).toEqual({ present: true, answered: true, data: { gppString: 'DBABLA~CAAqAAAAAABA.YA', applicableSections: [7], gppVersion: '1.0' } });
  });

  test('USP: getUSPData', async () => {
    fakePage({ globals: { __uspapi: (_c: string, _v: number, cb: (d: unknown, ok: boolean) => void) => cb({ version: 1, uspString: '1YNN' }, true) } });
    const snap = await collectSnapshot({ timeoutMs: 100 });
    expect(snap.usp).toEqual({ present: true, answered: true, data: { version: 1, uspString: '1YNN' } });
  });
});

describe('collectSnapshot: page state', () => {
  test('Consent Mode, storage, scripts, JSON-LD and links', async () => {
    function gtagArguments(..._args: unknown[]) {
      // biome-ignore lint/complexity/noArguments: gtag() pushes its Arguments object, which is what the collector must read
      return arguments;
    }
    fakePage({
      globals: {
        dataLayer: [
          gtagArguments('consent', 'default', { ad_storage: 'denied', analytics_storage: 'denied' }),
          { event: 'gtm.js' },
          ['consent', 'update', { analytics_storage: 'granted' }],
          gtagArguments('config', 'G-X'),
        ],
        google_tag_data: { ics: { entries: { ad_storage: { default: false, update: true }, analytics_storage: { default: false } } } },
      },
      storage: { euconsent_v2_backup: 'x', 'eupubconsent-v2': TC, theme: 'dark', ucData: '{}' },
      scripts: ['https://cdn.cookielaw.org/scripttemplates/otSDKStub.js', ''],
      jsonLd: ['{"@type":"Organization"}'],
      policyLinks: ['https://www.shop.example/privacy'],
      anchors: [
        { href: 'https://www.shop.example/', text: 'Home' },
        { href: 'https://www.shop.example/datenschutz', text: ' Datenschutz ', footer: true },
        { href: 'https://www.shop.example/imprint', text: 'Imprint', footer: true },
      ],
    });
    const snap = await collectSnapshot({ timeoutMs: 10 });
    expect(snap.consentMode).toEqual({
      commands: [
        { command: 'default', params: { ad_storage: 'denied', analytics_storage: 'denied' } },
        { command: 'update', params: { analytics_storage: 'granted' } },
      ],
      ics: { ad_storage: { default: false, update: true }, analytics_storage: { default: false } },
    });
    expect(snap.storage).toEqual({ euconsent_v2_backup: 'x', 'eupubconsent-v2': TC, ucData: '{}' });
    expect(snap.scripts).toEqual(['https://cdn.cookielaw.org/scripttemplates/otSDKStub.js']);
    expect(snap.jsonLd).toEqual(['{"@type":"Organization"}']);
    expect(snap.links).toEqual({
      privacyPolicy: ['https://www.shop.example/privacy'],
      anchors: [
        { href: 'https://www.shop.example/datenschutz', text: 'Datenschutz', rel: '', inFooter: true },
        { href: 'https://www.shop.example/imprint', text: 'Imprint', rel: '', inFooter: true },
      ],
    });
    expect(snap.url).toBe('https://www.shop.example/basket');
    expect(sanitizeSnapshot(snap)).toEqual(snap);
  });
});

test('JSON-LD: oversized blocks are cut just past the reader limit, past 1 MB in all DPV blocks are counted as skipped', async () => {
  const dpv = (i: number) => `{"@context":{"dpv":"https://w3id.org/dpv#"},"@id":"#p${i}","pad":"${'y'.repeat(250_000)}"}`;
  fakePage({ jsonLd: ['x'.repeat(1_000_000), ...Array.from({ length: 6 }, (_, i) => dpv(i)), '{"@type":"Product"}'.padEnd(250_000)] });
  const snap = await collectSnapshot({ timeoutMs: 10 });
  expect(snap.jsonLd[0]).toHaveLength(262_145);
  const total = snap.jsonLd.reduce((n, t) => n + t.length, 0);
  expect(total).toBeLessThanOrEqual(1_000_000);
  // 262,145 + 2 × 250,068 fit; four DPV blocks and the product block do not (only the DPV ones are counted)
  expect(snap.jsonLd).toHaveLength(3);
  expect(snap.jsonLdSkipped).toBe(4);
  expect(sanitizeSnapshot(snap)).toEqual(snap);
});

test('TCF outside the GDPR: ping says so and no event ever fires', async () => {
  fakePage({
    globals: {
      __tcfapi: (c: string, _v: number, cb: (d: unknown, ok: boolean) => void) => {
        if (c === 'ping') cb({ gdprApplies: false, cmpLoaded: true, cmpStatus: 'loaded', cmpId: 7 }, true);
      },
    },
  });
  const snap = await collectSnapshot({ timeoutMs: 40 });
  expect(snap.tcf).toEqual({ present: true, answered: true, data: { gdprApplies: false, cmpLoaded: true, cmpStatus: 'loaded', cmpId: 7 } });
});
