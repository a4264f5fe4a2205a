import { describe, expect, test } from 'vitest';
import { serviceWorkerOrigin, visitForWorker } from '../../../src/core/observe/service-worker.ts';

describe('serviceWorkerOrigin', () => {
  test('Chromium names the worker’s origin as initiator', () => {
    expect(serviceWorkerOrigin({ tabId: -1, initiator: 'https://www.shop.example' })).toBe('https://www.shop.example');
  });

  test('Firefox names the worker’s script (or the registering page) as originUrl', () => {
    expect(serviceWorkerOrigin({ tabId: -1, originUrl: 'https://www.shop.example:8443/sw.js?v=3' })).toBe('https://www.shop.example:8443');
    expect(serviceWorkerOrigin({ tabId: -1, originUrl: 'https://www.shop.example/basket' })).toBe('https://www.shop.example');
  });

  test.each([
    ['a request of a tab', { tabId: 3, initiator: 'https://www.shop.example' }],
    ['the browser’s own request', { tabId: -1 }],
    ['an extension’s request', { tabId: -1, initiator: 'chrome-extension://abcdefghijklmnop' }],
    ['an extension’s request in Firefox', { tabId: -1, originUrl: 'moz-extension://3b1c0f9e-0000-4000-8000-000000000000/bg.html' }],
    ['an opaque origin', { tabId: -1, initiator: 'null' }],
    ['a malformed initiator', { tabId: -1, initiator: 'https://[::1' }],
  ])('none for %s', (_name, d) => {
    expect(serviceWorkerOrigin(d)).toBeNull();
  });
});

describe('visitForWorker', () => {
  const visits = [
    { id: 'old shop tab', url: 'https://www.shop.example/', startedAt: 1000 },
    { id: 'news', url: 'https://news.example/story', startedAt: 3000 },
    { id: 'new shop tab', url: 'https://www.shop.example/basket#top', startedAt: 2000 },
    { id: 'other subdomain', url: 'https://blog.shop.example/', startedAt: 4000 },
    { id: 'broken', url: 'not a url', startedAt: 5000 },
  ];

  test('the newest visit whose page is on the worker’s origin', () => {
    expect(visitForWorker(visits, 'https://www.shop.example')?.id).toBe('new shop tab');
  });

  test('a worker works for its own origin only: another subdomain of the site is not its page', () => {
    expect(visitForWorker(visits, 'https://blog.shop.example')?.id).toBe('other subdomain');
    expect(visitForWorker(visits, 'http://www.shop.example')).toBeNull();
  });

  test('none when no page of that origin is open (a push, a background sync)', () => {
    expect(visitForWorker(visits, 'https://elsewhere.example')).toBeNull();
    expect(visitForWorker([], 'https://www.shop.example')).toBeNull();
  });
});
