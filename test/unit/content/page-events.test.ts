import { describe, expect, test } from 'vitest';
import { jsonText, scriptFromStack, validEvents } from '../../../src/content/page-events.ts';

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

describe('scriptFromStack', () => {
  const stack = 'Error\n    at set cookie (chrome-extension://abc/src/content/main-world.iife.js:1:2)\n    at https://shop.example/js/app.js:10:5';

  test('the innermost http(s) frame', () => {
    expect(scriptFromStack(stack)).toBe('https://shop.example/js/app.js');
    expect(scriptFromStack('set@https://shop.example/a.js:3:9\n')).toBe('https://shop.example/a.js');
    expect(scriptFromStack(undefined)).toBeUndefined();
  });

  test('is not steered by replaced String.prototype.split or RegExp.prototype.exec', () => {
    String.prototype.split = () => ['at https://tracker.example/blame.js:1:1'];
    RegExp.prototype.exec = () =>
      Object.assign(['x', 'https://tracker.example/blame.js'], { index: 0, input: '' }) as unknown as RegExpExecArray;
    const found = scriptFromStack(stack);
    String.prototype.split = split;
    RegExp.prototype.exec = exec;
    expect(found).toBe('https://shop.example/js/app.js');
  });
});

describe('validEvents', () => {
  const events = [
    { type: 'cookie', name: 'a', scriptUrl: 'https://shop.example/a.js' },
    { type: 'cookie', name: 'b', scriptUrl: 'javascript:alert(1)' },
    { type: 'storage', area: 'local', key: 'own', origin: 'https://shop.example' },
    { type: 'storage', area: 'local', key: 'foreign', origin: 'https://www.google.com' },
    { type: 'navigation', kind: 'push', url: 'https://shop.example/next' },
    { type: 'navigation', kind: 'push', url: 'https://www.google.com/forged' },
    { type: 'restored', url: 'https://www.google.com/forged-visit' },
  ];

  test('a script URL must be http(s)', () => {
    expect(validEvents(events).map((e) => (e.type === 'cookie' ? e.name : e.type))).not.toContain('b');
  });

  test("with the frame's origin, another origin's storage and navigations are dropped", () => {
    const kept = validEvents(events, 'https://shop.example');
    expect(kept).toEqual([
      { type: 'cookie', name: 'a', scriptUrl: 'https://shop.example/a.js' },
      { type: 'storage', area: 'local', key: 'own', origin: 'https://shop.example' },
      { type: 'navigation', kind: 'push', url: 'https://shop.example/next' },
    ]);
  });
});
