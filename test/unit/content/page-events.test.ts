import { describe, expect, test } from 'vitest';
import { jsonText, MAX_SCRIPTS, scriptsFromStack, validEvents } from '../../../src/content/page-events.ts';

// What a hostile page can do to the built-ins after the probe loaded: the probe must not be steered by it.
// (Each tamper is undone before the test asserts: the test runner itself uses these built-ins.)
const proto = Object.prototype as unknown as Record<string, unknown>;
const split = String.prototype.split;
const exec = RegExp.prototype.exec;

describe('jsonText', () => {
  test('is JSON.stringify for plain data', () => {
    const value = { a: [1, 'two', true, null, { b: 'c"\n<' }], d: undefined, e: Number.NaN, f: () => 1 };
    expect(jsonText(value)).toBe(JSON.stringify(value));
    expect(JSON.parse(jsonText([undefined, 1]))).toEqual([null, 1]);
  });

  test('ignores a toJSON planted on Object.prototype', () => {
    Object.defineProperty(Object.prototype, 'toJSON', {
      configurable: true,
      writable: true,
      value(this: { type?: unknown }) {
        return this.type === 'cookie' ? { type: 'storage', key: 'forged' } : this;
      },
    });
    const event = { type: 'cookie', name: 'genuine' };
    const tampered = JSON.stringify(event);
    const text = jsonText({ kind: 'events', payload: [event] });
    delete proto.toJSON;
    expect(tampered).toContain('forged');
    expect(text).toBe('{"kind":"events","payload":[{"type":"cookie","name":"genuine"}]}');
  });

  test('cuts absurd nesting instead of overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => jsonText(deep)).not.toThrow();
  });
});

describe('scriptsFromStack', () => {
  const stack = 'Error\n    at set cookie (chrome-extension://abc/src/content/main-world.iife.js:1:2)\n    at https://shop.example/js/app.js:10:5';

  test('the innermost http(s) frame first', () => {
    expect(scriptsFromStack(stack)).toEqual(['https://shop.example/js/app.js']);
    expect(scriptsFromStack('set@https://shop.example/a.js:3:9\n')).toEqual(['https://shop.example/a.js']);
    expect(scriptsFromStack(undefined)).toEqual([]);
    expect(scriptsFromStack('Error\n    at <anonymous>')).toEqual([]);
  });

  test('every distinct script of the stack, nearest first (a CMP wrapping document.cookie, then the setter)', () => {
    const v8 = [
      'Error',
      '    at set cookie (chrome-extension://abc/src/content/main-world.iife.js:1:2)',
      '    at HTMLDocument.set [as cookie] (https://consent.cookiebot.com/uc.js:1:900)',
      '    at w (https://consent.cookiebot.com/uc.js:1:400)',
      '    at https://staticw2.yotpo.com/widget.js:3:10',
      '    at https://www.sofa.example/:20:5',
    ].join('\n');
    expect(scriptsFromStack(v8)).toEqual(['https://consent.cookiebot.com/uc.js', 'https://staticw2.yotpo.com/widget.js', 'https://www.sofa.example/']);
    const gecko = 'set@moz-extension://abc/main-world.iife.js:1:2\nset@https://consent.cookiebot.com/uc.js:1:900\n@https://staticw2.yotpo.com/widget.js:3:10\n';
    expect(scriptsFromStack(gecko)).toEqual(['https://consent.cookiebot.com/uc.js', 'https://staticw2.yotpo.com/widget.js']);
  });

  test(`at most ${MAX_SCRIPTS} scripts`, () => {
    const deep = Array.from({ length: 20 }, (_, i) => `    at https://s${i}.example/a.js:1:1`).join('\n');
    const found = scriptsFromStack(deep);
    expect(found).toHaveLength(MAX_SCRIPTS);
    expect(found[0]).toBe('https://s0.example/a.js');
  });

  test('is not steered by replaced String.prototype.split or RegExp.prototype.exec', () => {
    String.prototype.split = () => ['at https://tracker.example/blame.js:1:1'];
    RegExp.prototype.exec = () =>
      Object.assign(['x', 'https://tracker.example/blame.js'], { index: 0, input: '' }) as unknown as RegExpExecArray;
    const found = scriptsFromStack(stack);
    String.prototype.split = split;
    RegExp.prototype.exec = exec;
    expect(found).toEqual(['https://shop.example/js/app.js']);
  });

  test('is not steered by an index setter planted on Array.prototype', () => {
    Object.defineProperty(Array.prototype, '0', {
      configurable: true,
      set(this: unknown[]) {
        Object.defineProperty(this, '0', { value: 'https://tracker.example/blame.js', configurable: true });
      },
    });
    let found: string[];
    try {
      found = scriptsFromStack(`${stack}\n    at https://shop.example/js/other.js:1:1`);
    } finally {
      delete (Array.prototype as unknown as Record<string, unknown>)[0];
    }
    expect(found).toEqual(['https://shop.example/js/app.js', 'https://shop.example/js/other.js']);
  });
});

describe('validEvents', () => {
  const events = [
    { type: 'cookie', name: 'a', scriptUrls: ['https://shop.example/a.js', 'https://cmp.example/wrap.js'] },
    { type: 'cookie', name: 'b', scriptUrls: ['javascript:alert(1)'] },
    { type: 'cookie', name: 'c', scriptUrl: 'https://shop.example/a.js', scriptUrls: 'https://shop.example/a.js' },
    { type: 'cookie', name: 'd', scriptUrls: Array.from({ length: 9 }, (_, i) => `https://s${i}.example/a.js`) },
    { type: 'cookie', name: 'e', scriptUrls: ['https://shop.example/a.js', 'https://shop.example/a.js'] },
    { type: 'cookie', name: 'f', scriptUrls: [] },
    { type: 'storage', area: 'local', key: 'own', origin: 'https://shop.example' },
    { type: 'storage', area: 'local', key: 'foreign', origin: 'https://www.google.com' },
    { type: 'navigation', kind: 'push', url: 'https://shop.example/next' },
    { type: 'navigation', kind: 'push', url: 'https://www.google.com/forged' },
    { type: 'restored', url: 'https://www.google.com/forged-visit' },
  ];

  test('script URLs are a list of at most 8 distinct http(s) URLs', () => {
    const names = validEvents(events).map((e) => (e.type === 'cookie' ? e.name : e.type));
    expect(names).toContain('a');
    for (const bad of ['b', 'c', 'd', 'e', 'f']) expect(names).not.toContain(bad);
  });

  test('an event may say when it happened, as a finite number of epoch ms', () => {
    const timed = validEvents([
      { type: 'cookie', name: 'ok', t: 1_800_000_000_123.4 },
      { type: 'cookie', name: 'text', t: '1800000000123' },
      { type: 'cookie', name: 'nan', t: Number.NaN },
      { type: 'cookie', name: 'inf', t: Number.POSITIVE_INFINITY },
    ]);
    expect(timed).toEqual([{ type: 'cookie', name: 'ok', t: 1_800_000_000_123.4 }]);
  });

  test("with the frame's origin, another origin's storage and navigations are dropped", () => {
    const kept = validEvents(events, 'https://shop.example');
    expect(kept).toEqual([
      { type: 'cookie', name: 'a', scriptUrls: ['https://shop.example/a.js', 'https://cmp.example/wrap.js'] },
      { type: 'storage', area: 'local', key: 'own', origin: 'https://shop.example' },
      { type: 'navigation', kind: 'push', url: 'https://shop.example/next' },
    ]);
  });
});
