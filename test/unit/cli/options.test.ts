import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, test } from 'vitest';
import { findBrowser } from '../../../src/cli/find-browser.ts';
import { COMMON_OPTIONS, parseArgsMessage, parseProxy } from '../../../src/cli/options.ts';

describe('parseProxy', () => {
  test.each([
    ['http://127.0.0.1:8080', { host: '127.0.0.1', port: 8080 }],
    ['127.0.0.1:8080', { host: '127.0.0.1', port: 8080 }],
    ['localhost:3128', { host: 'localhost', port: 3128 }],
    ['http://proxy.example', { host: 'proxy.example', port: 80 }],
    ['http://[::1]:8080', { host: '::1', port: 8080 }],
    [' http://proxy.example:81/ ', { host: 'proxy.example', port: 81 }],
    ['', null],
    ['not a proxy', null],
    ['socks5://127.0.0.1:1080', null],
    ['http://proxy.example:8080/path', null],
    ['http://:8080', null],
  ])('%j', (value, expected) => {
    expect(parseProxy(value)).toEqual(expected);
  });
});

describe('parseArgsMessage', () => {
  const message = (args: string[]) => {
    try {
      parseArgs({ args, options: COMMON_OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      return parseArgsMessage(error);
    }
    return null;
  };
  test.each([
    [['--bogus'], 'unknown option --bogus'],
    [['-x'], 'unknown option -x'],
    [['--format'], '--format needs a value'],
    [['--gpc=yes'], '--gpc takes no value'],
    [['--format', 'json'], null],
  ])('%j', (args, expected) => {
    expect(message(args)).toBe(expected);
  });
});

describe('findBrowser', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'candor-find-'));
  const executable = (dir: string, name: string, mode = 0o755) => {
    const path = join(dir, name);
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, mode);
    return path;
  };

  test('the first of the browser’s names on PATH, folder by folder', () => {
    const [a, b] = [folder(), folder()];
    const firefox = executable(b, 'firefox');
    const esr = executable(b, 'firefox-esr');
    executable(a, 'chromium-browser');
    expect(findBrowser('firefox', undefined, { PATH: `${a}:${b}` })).toBe(esr);
    expect(findBrowser('chromium', undefined, { PATH: `${a}:${b}` })).toBe(join(a, 'chromium-browser'));
    expect(firefox).toBe(join(b, 'firefox'));
  });

  test('--browser-path and CANDOR_CHROMIUM come first; a file that cannot run is passed over', () => {
    const dir = folder();
    const onPath = executable(dir, 'chromium');
    const chosen = executable(folder(), 'my-chromium');
    expect(findBrowser('chromium', chosen, { PATH: dir })).toBe(chosen);
    expect(findBrowser('chromium', join(dir, 'missing'), { PATH: dir })).toBeNull();
    expect(findBrowser('chromium', undefined, { PATH: dir, CANDOR_CHROMIUM: chosen })).toBe(chosen);
    const other = folder();
    executable(other, 'chromium', 0o644);
    expect(findBrowser('chromium', undefined, { PATH: `${other}:${dir}` })).toBe(onPath);
  });
});
