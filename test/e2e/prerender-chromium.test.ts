// Chromium prerenders pages that speculation rules name, in the same tab, before the visitor opens them. The page
// on screen must keep its own visit (the prefetch it asked for is one of its requests, not a navigation), and the
// prerendered page's requests must neither mix into it nor be lost: they become the page's visit once it is opened.
// Firefox does not prerender (it has no test here).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CandorBrowser } from '../../src/cli/launch.ts';
import type { Visit } from '../../src/core/types.ts';
import { type Internet, startInternet } from '../../sites/internet.ts';
import { TEST_SITES, launchWithCandor } from './harness.ts';

const FRONT = 'https://www.speculative-news.example/';
const STORY = 'https://www.speculative-news.example/story.html';
const STORY_PIXEL = 'https://px.zoo-ads.example/final.gif?page=story';
const FRONT_PIXEL = 'https://cdn.zoo-static.example/pixel.gif?page=front';

describe('prerendered pages in chromium', () => {
  let internet: Internet;
  let b: CandorBrowser;
  let page: Page;

  const visitAt = async (url: string): Promise<Visit | null> => {
    await b.message('flush', {});
    return (await b.report(url))?.visits[0] ?? null;
  };
  const urls = (v: Visit | null) => (v?.observed.requests ?? []).map((r) => r.url);

  beforeAll(async () => {
    internet = await startInternet({ roots: [TEST_SITES] });
    b = await launchWithCandor('chromium', internet);
    page = await b.newPage();
    await page.goto(FRONT, { waitUntil: 'load' });
    // the prerendered story's own image reaching its server says the prerender ran
    const deadline = Date.now() + 15_000;
    while (!internet.requests.some((r) => r.url.href === STORY_PIXEL)) {
      if (Date.now() > deadline) throw new Error('Chromium never prerendered the story (no request for its image reached the server)');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    await b?.close();
    await internet?.close();
  });

  test('while the front page is on screen, its visit is its own: the prefetch is one of its requests, the prerender is not in it', async () => {
    const front = await visitAt(FRONT);
    expect(front?.url).toBe(FRONT);
    expect(urls(front)).toEqual(expect.arrayContaining([FRONT, FRONT_PIXEL]));
    expect(front?.observed.requests.find((r) => r.url === STORY)).toMatchObject({ type: 'main_frame', speculative: true });
    expect(urls(front)).not.toContain(STORY_PIXEL);
    expect(await visitAt(STORY)).toBeNull();
  });

  test('opening the story makes what it did while prerendering its visit, and nothing of the front page', async () => {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#story')]);
    await expect.poll(async () => (await visitAt(STORY))?.prerendered, { timeout: 10_000 }).toBe(true);
    const story = await visitAt(STORY);
    expect(urls(story)).toEqual(expect.arrayContaining([STORY, STORY_PIXEL]));
    expect(urls(story)).not.toContain(FRONT_PIXEL);
    expect(story?.observed.requests.find((r) => r.url === STORY_PIXEL)).toMatchObject({ party: 'third', status: 200 });
    // the server saw the story once (the prefetch); the prerender and the opening sent nothing more
    expect(internet.requests.filter((r) => r.url.href === STORY)).toHaveLength(1);
    expect(await visitAt(FRONT)).toBeNull();
  });
});
