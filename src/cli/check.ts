// `candor check <url>`: each phase in a fresh browser profile with Candor loaded, one report for all phases.
import type { Page } from 'puppeteer-core';
import { classifyCookie } from '../core/cookies/classify-cookie.ts';
import { siteOf } from '../core/party.ts';
import type { Expectations } from '../core/findings/index.ts';
import { buildReport } from '../core/report.ts';
import { withCookiesSinceClick } from '../core/check/since-click.ts';
import type { FindingKind, ObservedCookie, Phase, Report, Severity, Visit } from '../core/types.ts';
import { DEFAULT_PREFERENCES } from '../shared/preferences.ts';
import type { BrowserKind } from './find-browser.ts';
import { type ConsentAction, operateBanner, reopenBanner } from './consent-automation.ts';
import { type CandorBrowser, LaunchError, launch } from './launch.ts';

export interface CheckOptions {
  browser: BrowserKind;
  browserPath?: string;
  phases: Phase[];
  gpc: boolean;
  proxy?: string;
  mapHostsTo?: string;
  insecure: boolean;
  timeoutMs: number;
  settleMs: number;
  /** keep full request/response headers (HAR) */
  headers: boolean;
  severity?: Partial<Record<FindingKind, Severity>>;
  /** candor.config.json `expect`: the unexpected-third-party / unexpected-purpose rules judge against it */
  expectations?: Expectations;
  progress?: (line: string) => void;
}

/** The check could not run (exit code 2), with one clear line saying why. */
export class CheckError extends Error {}

export function normalizeTarget(target: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(target) ? target : `https://${target}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new CheckError(`not a URL: ${target}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CheckError(`only http and https URLs can be checked: ${target}`);
  return url.href;
}

async function visit(b: CandorBrowser, url: string, o: CheckOptions): Promise<{ page: Page; finalUrl: string }> {
  const page = await b.newPage();
  let status: number | undefined;
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: o.timeoutMs });
    status = response?.status();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/timeout/i.test(text)) throw new CheckError(`the page never loaded within ${o.timeoutMs} ms: ${url}`);
    const reason = /net::[A-Z_]+/.exec(text)?.[0] ?? text.split('\n')[0];
    throw new CheckError(`URL unreachable (${reason}): ${url}`);
  }
  if (status !== undefined && status >= 400) throw new CheckError(`the page answered HTTP ${status}: ${url}`);
  await settle(page, o);
  return { page, finalUrl: page.url() };
}

async function settle(page: Page, o: CheckOptions): Promise<void> {
  await page.waitForNetworkIdle({ idleTime: o.settleMs, timeout: Math.max(o.timeoutMs, o.settleMs * 4) }).catch(() => undefined);
}

/** The banner clicks a phase needs before the visit that is observed: reject, accept, or accept then reject. */
const ACTIONS: Partial<Record<Phase, ConsentAction[]>> = {
  'after-reject': ['optOut'],
  'after-accept': ['optIn'],
  'after-revoke': ['optIn', 'optOut'],
};

async function interact(
  page: Page,
  url: string,
  phase: Phase,
  o: CheckOptions,
  beforeLastClick: () => Promise<void>,
): Promise<NonNullable<Visit['interaction']> | null> {
  const actions = ACTIONS[phase];
  if (!actions) return null;
  const results = [];
  for (const [i, action] of actions.entries()) {
    if (i > 0) {
      // Withdraw on the next visit, as a person would: reopen the banner through the CMP's own API.
      await page.goto(url, { waitUntil: 'load', timeout: o.timeoutMs });
      await settle(page, o);
      const api = await reopenBanner(page);
      o.progress?.(`${phase}: ${api ? `reopened the banner with ${api}()` : 'found no API to reopen the banner'}`);
    }
    if (i === actions.length - 1) await beforeLastClick();
    const result = await operateBanner(page, action, Math.min(o.timeoutMs, 15_000));
    results.push(result);
    o.progress?.(`${phase}: ${result.detail}`);
    if (!result.ok) break;
    await settle(page, o);
  }
  const last = results[results.length - 1];
  const action = phase === 'after-reject' ? 'reject' : phase === 'after-accept' ? 'accept' : 'accept, then withdraw';
  return {
    cmp: last?.cmp ?? null,
    action,
    ok: results.length === actions.length && results.every((r) => r.ok),
    detail: results.map((r) => r.detail).join('; '),
  };
}

/**
 * autoconsent reports the click it made, not what the site did with it: when the site's consent manager still records
 * no choice on the next visit, say so next to the click (the click stays reported as made; a site that drops a refusal
 * is still judged on the refusal the visitor expressed).
 */
export function verified(interaction: NonNullable<Visit['interaction']>, observed: Visit, phase: Phase, o: CheckOptions): NonNullable<Visit['interaction']> {
  const recorded = observed.consent?.recorded;
  if (!interaction.ok || !recorded || recorded.source === 'consent-mode' || recorded.choiceMade !== false) return interaction;
  const note = `but on the next visit ${recorded.source} still recorded no choice`;
  o.progress?.(`${phase}: ${note}`);
  return { ...interaction, detail: `${interaction.detail ?? ''}; ${note}` };
}

async function runPhase(url: string, phase: Phase, o: CheckOptions): Promise<{ visit: Visit; tool: Report['tool'] }> {
  const launchOptions = {
    kind: o.browser,
    insecure: o.insecure,
    ...(o.browserPath ? { browserPath: o.browserPath } : {}),
    ...(o.proxy ? { proxy: o.proxy } : {}),
    ...(o.mapHostsTo ? { mapHostsTo: o.mapHostsTo } : {}),
  };
  const b = await launch(launchOptions);
  try {
    if (o.gpc) await b.message('savePreferences', { preferences: { ...DEFAULT_PREFERENCES, gpc: true } });
    if (o.headers) await b.message('recordHeaders', { on: true });
    o.progress?.(`${phase}: visiting ${url} in ${b.version}`);
    const { page } = await visit(b, url, o);
    // The clicked visit's cookies just before the last click and just before the reload (core/check/since-click.ts).
    const cookiesNow = async (): Promise<ObservedCookie[]> => {
      await b.message('flush', {});
      return (await b.report(page.url()))?.visits[0]?.observed.cookies ?? [];
    };
    let beforeClick: ObservedCookie[] = [];
    const interaction = await interact(page, url, phase, o, async () => {
      beforeClick = await cookiesNow();
    });
    let afterClick: ObservedCookie[] = [];
    if (interaction) {
      afterClick = await cookiesNow();
      // What is observed is the next visit, made with the choice in place.
      await page.goto(url, { waitUntil: 'load', timeout: o.timeoutMs });
      await settle(page, o);
    }
    await b.message('flush', {});
    const report = await b.report(page.url());
    const observed = report?.visits[0];
    if (!report || !observed) throw new CheckError(`Candor recorded nothing for ${page.url()}`);
    const result: Visit = { ...observed, phase };
    if (interaction) {
      result.observed = { ...observed.observed, cookies: withCookiesSinceClick(observed.observed.cookies, beforeClick, afterClick) };
      result.interaction = verified(interaction, observed, phase, o);
    }
    return { visit: result, tool: report.tool };
  } finally {
    await b.close();
  }
}

export async function check(target: string, o: CheckOptions): Promise<Report> {
  const url = normalizeTarget(target);
  const visits: Visit[] = [];
  let tool: Report['tool'] | undefined;
  try {
    for (const phase of o.phases) {
      const result = await runPhase(url, phase, o);
      visits.push(result.visit);
      tool = result.tool;
    }
  } catch (error) {
    if (error instanceof LaunchError) throw new CheckError(error.message);
    throw error;
  }
  const first = visits[0];
  if (!tool || !first) throw new CheckError('no phase ran');
  return buildReport(
    { tool, site: siteOf(first.url), url: first.url, visits },
    {
      ...(o.severity ? { severity: o.severity } : {}),
      ...(o.expectations ? { expectations: o.expectations } : {}),
      classify: (cookie) => classifyCookie(cookie),
    },
  );
}
