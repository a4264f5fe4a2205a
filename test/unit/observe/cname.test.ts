import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import loadTrackerDB from '@ghostery/trackerdb';
import { describe, expect, test } from 'vitest';
import { cloakedTracker, mayBeCloaked } from '../../../src/core/observe/cname.ts';
import { type TrackerDbEngine, trackerDatabase } from '../../../src/core/trackers.ts';

const require = createRequire(import.meta.url);
const bytes = new Uint8Array(readFileSync(join(dirname(dirname(require.resolve('@ghostery/trackerdb'))), 'trackerdb.engine')));
const db = trackerDatabase((await loadTrackerDB(bytes)) as unknown as TrackerDbEngine, 'test');

describe('mayBeCloaked: which hosts are looked up', () => {
  test.each([
    ['metrics.shop.example', true],
    ['a.b.shop.example', true],
    ['www.shop.example', false], // the page's own host
    ['shop.example.sc.omtrdc.net', false], // a third party is named by its own host already
    ['', false],
  ])('%s → %s', (host, expected) => {
    expect(mayBeCloaked(host, 'www.shop.example', 'shop.example')).toBe(expected);
  });
});

describe('cloakedTracker: what a canonical name reveals', () => {
  test.each([
    ['shop.example.sc.omtrdc.net', 'adobe_experience_cloud'], // Adobe Analytics' first-party CNAME
    ['SHOP.EXAMPLE.SC.OMTRDC.NET.', 'adobe_experience_cloud'], // case and the root dot do not matter
    ['shop.eulerian.net', 'eulerian'],
    ['d1abc.cloudfront.net', null], // hosting: a CDN hides nothing
    ['shop.example.cdn.cloudflare.net', null],
    ['edge.shop.example', null], // the site's own
    ['unknown-cdn.example-edge.net', null], // no tracker
    ['', null],
    [null, null],
  ])('%s → %s', (cname, key) => {
    expect(cloakedTracker(db, 'shop.example', cname)?.key ?? null).toBe(key);
  });
});
