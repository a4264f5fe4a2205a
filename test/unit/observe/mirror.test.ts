import { describe, expect, test } from 'vitest';
import { classifyRequest } from '../../../src/core/observe/classify-request.ts';
import {
  CHUNK_COOKIES,
  CHUNK_REQUESTS,
  chunkKey,
  cookiesKey,
  forgetChunks,
  isKeyOf,
  mirrorChanges,
  mirrorItems,
  newChunkCache,
  noteWritten,
  readMirror,
} from '../../../src/core/observe/mirror.ts';
import { type VisitState, recordCompleted, recordCookie, recordRequest, startVisit } from '../../../src/core/observe/visit-state.ts';

const T0 = 1_800_000_000_000;

function visitWith(count: number, tabId = 7): VisitState {
  const state = startVisit(tabId, 'https://www.shop.example/', T0);
  for (let i = 0; i < count; i++) {
    const url = `https://cdn.shop.example/${i}.js`;
    recordRequest(
      state,
      { requestId: String(i), url, method: 'GET', type: 'script', frameId: 0, timeStamp: T0 + i },
      classifyRequest(null, url, state.url, state.topSite, 'script'),
    );
  }
  return state;
}

/** What storage.session holds after the given writes. */
function store(...changes: { set: Record<string, string>; remove: string[] }[]): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const change of changes) {
    Object.assign(stored, change.set);
    for (const key of change.remove) delete stored[key];
  }
  return stored;
}

describe('mirror', () => {
  test('a visit reads back exactly as it was, requests in order across chunks', () => {
    const state = visitWith(CHUNK_REQUESTS * 2 + 5);
    recordCookie(state, { name: '__proto__', value: 'x', domain: '.shop.example', path: '/', secure: true, httpOnly: false, session: true }, false, T0 + 9);
    const items = mirrorItems('tab:7', state);
    expect([...items.keys()]).toEqual(['tab:7', cookiesKey('tab:7', 0), chunkKey('tab:7', 0), chunkKey('tab:7', 1), chunkKey('tab:7', 2)]);
    const back = readMirror('tab:7', Object.fromEntries(items));
    expect(back?.state).toEqual(JSON.parse(JSON.stringify(state)));
    expect(back?.until).toBeUndefined();
  });

  test('cookies are kept in chunks, and a change to one sends its chunk only', () => {
    const state = visitWith(1);
    const set = (name: string, value: string) =>
      recordCookie(state, { name, value, domain: '.shop.example', path: '/', secure: true, httpOnly: false, session: true }, false, T0 + 5);
    for (let i = 0; i < CHUNK_COOKIES * 2 + 3; i++) set(`c${i}`, 'v');
    set('constructor', 'x');
    const written = new Map<string, string>();
    const first = mirrorChanges('tab:7', mirrorItems('tab:7', state), written);
    noteWritten(written, first);
    expect(readMirror('tab:7', store(first))?.state.cookies).toEqual(JSON.parse(JSON.stringify(state.cookies)));
    set('c1', 'changed');
    const second = mirrorChanges('tab:7', mirrorItems('tab:7', state), written);
    expect(Object.keys(second.set)).toEqual([cookiesKey('tab:7', 0)]);
    expect(Object.values(readMirror('tab:7', store(first, second))?.state.cookies ?? {}).find((c) => c.cookie.name === 'c1')?.cookie.value).toBe('changed');
  });

  test('a left visit keeps until when it is kept', () => {
    const back = readMirror('left:7', Object.fromEntries(mirrorItems('left:7', visitWith(1), T0 + 30_000)));
    expect(back?.until).toBe(T0 + 30_000);
    expect(back?.state.requests).toHaveLength(1);
  });

  test('only what changed is written again: a settled chunk is not', () => {
    const written = new Map<string, string>();
    const state = visitWith(CHUNK_REQUESTS + 3);
    const first = mirrorChanges('tab:7', mirrorItems('tab:7', state), written);
    expect(Object.keys(first.set)).toHaveLength(3);
    noteWritten(written, first);
    // nothing changed: nothing to write
    expect(mirrorChanges('tab:7', mirrorItems('tab:7', state), written)).toEqual({ set: {}, remove: [] });
    // a response to a request of the last chunk: the head (pending) and that chunk only
    recordCompleted(state, String(CHUNK_REQUESTS + 1), 200, false, undefined);
    const second = mirrorChanges('tab:7', mirrorItems('tab:7', state), written);
    expect(Object.keys(second.set).sort()).toEqual(['tab:7', chunkKey('tab:7', 1)].sort());
    noteWritten(written, second);
    expect(readMirror('tab:7', store(first, second))?.state.requests[CHUNK_REQUESTS + 1]?.status).toBe(200);
  });

  test('a shorter visit in the same tab removes the chunks it no longer has; other tabs’ keys are left alone', () => {
    const written = new Map<string, string>();
    const first = mirrorChanges('tab:7', mirrorItems('tab:7', visitWith(CHUNK_REQUESTS * 3)), written);
    noteWritten(written, first);
    const other = mirrorChanges('tab:70', mirrorItems('tab:70', visitWith(CHUNK_REQUESTS * 2, 70)), written);
    noteWritten(written, other);
    const next = mirrorChanges('tab:7', mirrorItems('tab:7', visitWith(2)), written);
    expect(next.remove.sort()).toEqual([chunkKey('tab:7', 1), chunkKey('tab:7', 2)]);
    // the tab closed: everything of it goes
    const gone = mirrorChanges('tab:7', new Map(), written);
    expect(gone.remove.every((key) => isKeyOf('tab:7', key))).toBe(true);
    expect(gone.remove).toContain('tab:7');
    expect(gone.remove.some((key) => key.startsWith('tab:70'))).toBe(false);
  });

  test('a damaged mirror gives what it holds: requests up to the first missing chunk, no pending request past them', () => {
    const state = visitWith(CHUNK_REQUESTS * 2 + 1);
    const stored: Record<string, unknown> = Object.fromEntries(mirrorItems('tab:7', state));
    stored[chunkKey('tab:7', 1)] = '{not json';
    const back = readMirror('tab:7', stored);
    expect(back?.state.requests).toHaveLength(CHUNK_REQUESTS);
    expect(Object.values(back?.state.pending ?? {}).every((index) => index < CHUNK_REQUESTS)).toBe(true);
  });

  test.each<[string, unknown]>([
    ['nothing', undefined],
    ['an object (an older build stored objects)', { tabId: 7, requests: [] }],
    ['broken JSON', '{"v":1,'],
    ['another version', JSON.stringify({ v: 2, chunks: 0, state: { tabId: 7, requests: [] } })],
    ['no state', JSON.stringify({ v: 1, chunks: 0 })],
    ['negative chunks', JSON.stringify({ v: 1, chunks: -1, state: { tabId: 7, requests: [] } })],
  ])('an unreadable head (%s) is no visit', (_name, head) => {
    expect(readMirror('tab:7', { 'tab:7': head })).toBeNull();
  });

  test('a full chunk with no pending request is turned into text once; one with a pending request every time', () => {
    const state = visitWith(CHUNK_REQUESTS * 2);
    for (let i = 0; i < CHUNK_REQUESTS * 2 - 1; i++) recordCompleted(state, String(i), 200, false, undefined);
    const cache = newChunkCache();
    mirrorItems('tab:7', state, undefined, cache);
    expect(cache.texts[0]).toBeDefined(); // settled
    expect(cache.texts[1]).toBeUndefined(); // its last request is still pending
    // a settled request rewritten behind the mirror's back is not seen until the cache is told…
    const first = state.requests[0];
    if (!first) throw new Error('no request');
    first.cname = 'tracker.cdn.example';
    expect(mirrorItems('tab:7', state, undefined, cache).get(chunkKey('tab:7', 0))).not.toContain('tracker.cdn.example');
    forgetChunks(cache);
    expect(mirrorItems('tab:7', state, undefined, cache).get(chunkKey('tab:7', 0))).toContain('tracker.cdn.example');
    // …and the pending one is read afresh each time
    recordCompleted(state, String(CHUNK_REQUESTS * 2 - 1), 204, false, undefined);
    expect(readMirror('tab:7', Object.fromEntries(mirrorItems('tab:7', state, undefined, cache)))?.state.requests.at(-1)?.status).toBe(204);
  });

  test('a cache kept for one visit is not used for the next visit of the tab', () => {
    const cache = newChunkCache();
    const a = visitWith(CHUNK_REQUESTS);
    for (let i = 0; i < CHUNK_REQUESTS; i++) recordCompleted(a, String(i), 200, false, undefined);
    mirrorItems('tab:7', a, undefined, cache);
    const b = visitWith(CHUNK_REQUESTS);
    for (let i = 0; i < CHUNK_REQUESTS; i++) recordCompleted(b, String(i), 404, false, undefined);
    expect(readMirror('tab:7', Object.fromEntries(mirrorItems('tab:7', b, undefined, cache)))?.state.requests[0]?.status).toBe(404);
  });
});
