// Builds a tab's candor.report/1: the observed visit, the page's declarations and consent, the visitor's
// preference, and the findings — all decided by src/core; this file only gathers the inputs.
import browser, { type Cookies } from 'webextension-polyfill';
import { classifyCookie, classifyStorageKey } from '../core/cookies/classify-cookie.ts';
import type { PageCookie, WellKnownFetch } from '../core/declared/input.ts';
import { readDeclared } from '../core/declared/read-declared.ts';
import { sanitizeSnapshot } from '../core/declared/snapshot.ts';
import { toVisit } from '../core/observe/to-visit.ts';
import { type RawCookie, recordConsentMoment, type VisitState, withPresentCookies } from '../core/observe/visit-state.ts';
import { buildReport } from '../core/report.ts';
import type { PurposeMap, Report } from '../core/types.ts';
import type { Preferences } from '../shared/messages.ts';
import type { BackgroundContext } from './context.ts';
import { toRawCookie } from './cookies.ts';
import { getTab, markDirty } from './tab-store.ts';
import { fetchWellKnown } from './well-known.ts';

export function preferenceFor(prefs: Preferences, site: string): PurposeMap {
  const own = prefs.sites[site];
  if (own && Object.keys(own).length) return { ...prefs.defaults, ...own };
  return { ...prefs.defaults };
}

const MAX_SITES = 40;

/** Every cookie stored for the page and for the third parties it talked to (partitioned ones included). */
async function presentCookies(state: VisitState): Promise<{ page: PageCookie[]; all: RawCookie[] }> {
  const topLevelSite = `${new URL(state.url).protocol}//${state.topSite}`;
  const queries: Cookies.GetAllDetailsType[] = [{ url: state.url }];
  for (const site of Object.keys(state.sites).slice(0, MAX_SITES)) {
    queries.push({ domain: site }, { domain: site, partitionKey: { topLevelSite } });
  }
  const results = await Promise.all(queries.map((q) => browser.cookies.getAll(q).catch(() => [] as Cookies.Cookie[])));
  const page = (results[0] ?? []).slice(0, 2000).map((c) => ({ name: c.name, value: c.value, domain: c.domain }));
  return { page, all: results.flat().slice(0, 5000).map(toRawCookie) };
}

/** Asks the page for a fresh consent snapshot (the visitor may have clicked the banner since load). */
export async function refreshSnapshot(tabId: number): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, { candor: 'collectSnapshot' }, { frameId: 0 });
  } catch {
    // no content script in this tab (e.g. a browser page): report without a snapshot
  }
}

function declaredOf(state: VisitState, pageCookies: PageCookie[], gpcJson: WellKnownFetch | null) {
  return readDeclared({
    pageUrl: state.url,
    snapshot: sanitizeSnapshot(state.snapshot),
    cookies: pageCookies,
    gpcJson,
    p3pHeaders: state.p3p,
    googleRequestUrls: state.requests.filter((r) => /[?&](gcs|gcd)=/.test(r.url)).map((r) => r.url),
  });
}

/**
 * A page snapshot arrived: note what the site's consent mechanism held when the page began to be read (`readAt`),
 * so that a choice made later in the visit does not hide what happened before it (tracking-before-consent).
 */
export async function noteConsentMoment(state: VisitState, readAt: number | undefined): Promise<void> {
  const now = Date.now();
  const jar = await browser.cookies.getAll({ url: state.url }).catch(() => [] as Cookies.Cookie[]);
  if (getTab(state.tabId) !== state) return; // a new visit began meanwhile
  const page = jar.slice(0, 2000).map((c) => ({ name: c.name, value: c.value, domain: c.domain }));
  recordConsentMoment(state, declaredOf(state, page, null).consent.recorded, readAt ?? now, now);
  markDirty(state);
}

export async function reportForVisit(ctx: BackgroundContext, state: VisitState): Promise<Report> {
  const gpcFetch = fetchWellKnown(state.url, '/.well-known/gpc.json', Date.now());
  const [cookies, gpcJson] = await Promise.all([presentCookies(state), gpcFetch ?? Promise.resolve(null)]);
  const { declared, consent } = declaredOf(state, cookies.page, gpcJson);
  // Cookies found now are kept in the tab's record, so a later flood under the cap cannot push them out again.
  const merged = withPresentCookies(state, cookies.all);
  if (Object.keys(merged.cookies).length !== Object.keys(state.cookies).length) {
    state.cookies = merged.cookies;
    markDirty(state);
  }
  const visit = toVisit(merged, {
    declared,
    consent: { ...consent, preference: preferenceFor(ctx.prefs, state.topSite) },
    classifyCookie,
    classifyStorageKey,
    trackerOfUrl: (url) => ctx.db?.matchRequest({ url, sourceUrl: state.url, type: 'script' }) ?? null,
  });
  return buildReport(
    {
      tool: { name: 'candor', version: __CANDOR_VERSION__, browser: ctx.browser, trackerDb: ctx.db?.version ?? 'none' },
      site: state.topSite,
      url: state.url,
      visits: [visit],
    },
    { classify: (cookie) => classifyCookie({ ...cookie }) },
  );
}
