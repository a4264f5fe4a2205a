import { describe, expect, test } from 'vitest';
import { classifyRequest } from '../../../src/core/observe/classify-request.ts';
import { toVisit, type VisitContext } from '../../../src/core/observe/to-visit.ts';
import { recordCompleted, recordError, recordRequest, recordSent, startVisit } from '../../../src/core/observe/visit-state.ts';
import { summarizeSent } from '../../../src/core/observe/sent-data.ts';
import { requestListenerSpecs } from '../../../src/shared/request-listeners.ts';

const T0 = 1_800_000_000_000;
const ctx: VisitContext = {
  declared: { sources: [], cookies: [], recipients: null, retentionSeconds: null, gpcSupported: null, policyUrl: null },
  consent: { recorded: null, signals: [], preference: {} },
  classifyCookie: () => ({ purpose: 'unknown', source: 'unknown', detail: '' }),
  classifyStorageKey: () => ({ purpose: 'unknown', source: 'unknown', detail: '' }),
  trackerOfUrl: () => null,
};

describe('toVisit', () => {
  test('a load Chromium asked its cache alone for, and missed, is no request: the real one that follows is', () => {
    const state = startVisit(1, 'https://www.shop.example/', T0);
    const font = 'https://cdn.example/font.woff2';
    for (const [id, at] of [
      ['1', 10],
      ['2', 20],
    ] as const) {
      recordRequest(state, { requestId: id, url: font, method: 'GET', type: 'font', frameId: 0, timeStamp: T0 + at }, classifyRequest(null, font, state.url, state.topSite, 'font'));
      recordSent(state, id, summarizeSent([], font));
    }
    recordError(state, '1', 'net::ERR_CACHE_MISS');
    recordCompleted(state, '2', 200);
    const visit = toVisit(state, ctx);
    expect(visit.observed.requests).toEqual([expect.objectContaining({ url: font, status: 200, at: 20 })]);
    // other errors stay: those requests did go out (or were stopped on their way)
    recordRequest(state, { requestId: '3', url: font, method: 'GET', type: 'font', frameId: 0, timeStamp: T0 + 30 }, classifyRequest(null, font, state.url, state.topSite, 'font'));
    recordError(state, '3', 'net::ERR_ABORTED');
    expect(toVisit(state, ctx).observed.requests.map((r) => r.error ?? 'ok')).toEqual(['ok', 'net::ERR_ABORTED']);
  });

  test('a prerendered page and a prefetch say so', () => {
    const state = startVisit(1, 'https://www.shop.example/', T0);
    const next = 'https://www.shop.example/next';
    recordRequest(state, { requestId: '9', url: next, method: 'GET', type: 'main_frame', frameId: 0, timeStamp: T0 + 5, speculative: true }, classifyRequest(null, next, state.url, state.topSite, 'main_frame'));
    expect(toVisit(state, ctx).observed.requests[0]).toMatchObject({ url: next, speculative: true });
    expect(toVisit(state, ctx).prerendered).toBeUndefined();
    state.prerendered = true;
    expect(toVisit(state, ctx).prerendered).toBe(true);
  });

  test('Firefox also listens for response starts (the status of loads it stops early); Chromium does not pay for that event', () => {
    expect(requestListenerSpecs('firefox').map((s) => s.event)).toContain('onHeadersReceived');
    expect(requestListenerSpecs('chrome').map((s) => s.event)).not.toContain('onHeadersReceived');
  });
});
