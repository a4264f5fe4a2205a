import { describe, expect, test } from 'vitest';
import { isFromPageLeft } from '../../../src/core/observe/page-left.ts';

const news = { url: 'https://news.example/story', navigations: [{ url: 'https://news.example/story?page=2' }] };
const bakery = { url: 'https://bakery.example/' };

describe('isFromPageLeft in Chromium (the document’s lifecycle)', () => {
  test.each(['pending_deletion', 'cached'])('a document %s is the page left', (documentLifecycle) => {
    expect(isFromPageLeft({ type: 'ping', frameId: 5, documentLifecycle }, bakery, news)).toBe(true);
    // even once the left visit is no longer kept: it is still not the current page's request
    expect(isFromPageLeft({ type: 'ping', frameId: 0, documentLifecycle }, bakery, undefined)).toBe(true);
  });

  test('an active document is the current page, whatever its URL', () => {
    expect(isFromPageLeft({ type: 'xmlhttprequest', frameId: 0, documentLifecycle: 'active', documentUrl: news.url }, bakery, news)).toBe(false);
  });
});

describe('isFromPageLeft in Firefox (the document’s URL)', () => {
  test('a top-level document on one of the left page’s URLs, fragment or not', () => {
    expect(isFromPageLeft({ type: 'beacon', frameId: 0, documentUrl: 'https://news.example/story' }, bakery, news)).toBe(true);
    expect(isFromPageLeft({ type: 'beacon', frameId: 0, documentUrl: 'https://news.example/story?page=2#comments' }, bakery, news)).toBe(true);
  });

  test('the current page’s own requests stay its own', () => {
    expect(isFromPageLeft({ type: 'script', frameId: 0, documentUrl: 'https://bakery.example/' }, bakery, news)).toBe(false);
    expect(isFromPageLeft({ type: 'script', frameId: 0, documentUrl: 'https://bakery.example/#menu' }, bakery, news)).toBe(false);
  });

  test('the same URL loaded again cannot be told apart: its requests stay with the new load', () => {
    expect(isFromPageLeft({ type: 'beacon', frameId: 0, documentUrl: news.url }, news, news)).toBe(false);
  });

  test.each([
    ['a frame’s request', { type: 'beacon', frameId: 7, documentUrl: news.url }],
    ['the navigation itself', { type: 'main_frame', frameId: 0, documentUrl: news.url }],
    ['no document URL', { type: 'beacon', frameId: 0 }],
  ])('not for %s', (_name, d) => {
    expect(isFromPageLeft(d, bakery, news)).toBe(false);
  });

  test('nothing without a left visit to compare with', () => {
    expect(isFromPageLeft({ type: 'beacon', frameId: 0, documentUrl: news.url }, bakery, undefined)).toBe(false);
  });
});
