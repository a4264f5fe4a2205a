// Operates a site's own consent banner with DuckDuckGo's autoconsent rule engine (MPL-2.0, used unmodified):
// its page script is injected into the top frame and talks to us through an exposed function, following the
// protocol of autoconsent's own Playwright runner. When no rule matches, we say so instead of guessing.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';

const require = createRequire(import.meta.url);
let script: string | undefined;
let rules: string | undefined;
function assets(): { script: string; rules: string } {
  // The package exports only its rules; its page script sits beside them in dist/.
  const rulesPath = require.resolve('@duckduckgo/autoconsent/rules/rules.json');
  script ??= readFileSync(join(dirname(rulesPath), '..', 'dist', 'autoconsent.playwright.js'), 'utf8');
  rules ??= JSON.stringify(require('@duckduckgo/autoconsent/rules/rules.json'));
  return { script, rules };
}

export type ConsentAction = 'optIn' | 'optOut';

/** How long autoconsent may take to recognise a consent manager on a settled page. */
const DETECT_MS = 6000;

export interface AutomationResult {
  cmp: string | null;
  ok: boolean;
  detail: string;
}

interface AutoconsentMessage {
  type: string;
  id?: string;
  code?: string;
  cmp?: string;
  result?: boolean;
  details?: unknown;
}

function isMessage(v: unknown): v is AutoconsentMessage {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}

interface RunState {
  action: ConsentAction;
  cmp: string | null;
  popupFound: boolean;
  result: boolean | null;
  finish: () => void;
}

/** One exposed function per page (a binding cannot be added twice); it serves whichever run is current. */
const runs = new WeakMap<Page, { current: RunState | null }>();

function configFor(action: ConsentAction): string {
  return JSON.stringify({
    enabled: true,
    autoAction: action,
    disabledCmps: [],
    enablePrehide: false,
    enableCosmeticRules: false,
    detectRetries: 20,
    isMainWorld: true,
  });
}

async function binding(page: Page): Promise<{ current: RunState | null }> {
  const existing = runs.get(page);
  if (existing) return existing;
  const slot: { current: RunState | null } = { current: null };
  runs.set(page, slot);
  const { rules: ruleJson } = assets();
  const reply = (message: string) => page.evaluate(message).catch(() => undefined);
  await page.exposeFunction('autoconsentSendMessage', async (raw: unknown) => {
    const run = slot.current;
    if (!isMessage(raw) || !run) return;
    if (process.env.CANDOR_DEBUG) process.stderr.write(`autoconsent: ${JSON.stringify(raw).slice(0, 300)}\n`);
    switch (raw.type) {
      case 'init':
        await reply(`autoconsentReceiveMessage({ type: "initResp", config: ${configFor(run.action)}, rules: { autoconsent: ${ruleJson}.autoconsent } })`);
        break;
      case 'eval': {
        let value: unknown = false;
        try {
          value = await page.evaluate(String(raw.code ?? 'false'));
        } catch {
          value = false;
        }
        await reply(`autoconsentReceiveMessage({ id: ${JSON.stringify(raw.id ?? '')}, type: "evalResp", result: ${JSON.stringify(value ?? false)} })`);
        break;
      }
      case 'cmpDetected':
        run.cmp = raw.cmp ?? run.cmp;
        // A CMP without a visible banner (a choice is already stored): autoconsent keeps looking; stop soon.
        setTimeout(() => {
          if (!run.popupFound) run.finish();
        }, 4000);
        break;
      case 'popupFound':
        run.popupFound = true;
        run.cmp = raw.cmp ?? run.cmp;
        break;
      case 'optInResult':
      case 'optOutResult':
        run.result = raw.result === true;
        run.cmp = raw.cmp ?? run.cmp;
        if (!run.result) run.finish();
        break;
      case 'autoconsentDone':
        run.cmp = raw.cmp ?? run.cmp;
        run.finish();
        break;
      case 'autoconsentError':
        run.result = false;
        run.finish();
        break;
    }
  });
  return slot;
}

/**
 * Opens the banner again the way a person withdrawing consent would ("Cookie settings"), through each CMP's own
 * documented API. Returns the API used, or null when none of them exists on the page.
 */
export async function reopenBanner(page: Page): Promise<string | null> {
  // A string, not a function: tsx's helpers do not exist in the page.
  const script = `(() => {
    const w = window;
    const tries = [
      ['OneTrust.ToggleInfoDisplay', () => w.OneTrust.ToggleInfoDisplay()],
      ['Cookiebot.renew', () => w.Cookiebot.renew()],
      ['CookieConsent.show', () => w.CookieConsent.show(true)],
      ['Didomi.notice.show', () => w.Didomi.notice.show()],
      ['klaro.show', () => w.klaro.show()],
      ['UC_UI.showFirstLayer', () => w.UC_UI.showFirstLayer()],
      ['revisitCkyConsent', () => w.revisitCkyConsent()],
      ['Osano.cm.showDialog', () => w.Osano.cm.showDialog()],
      ['__ucCmp.showFirstLayer', () => w.__ucCmp.showFirstLayer()],
    ];
    for (const [name, run] of tries) {
      try { run(); return name; } catch (e) { /* not this CMP */ }
    }
    return null;
  })()`;
  return (await page.evaluate(script).catch(() => null)) as string | null;
}

/** Runs one opt-in or opt-out on the loaded page; resolves when autoconsent is done or after `timeoutMs`. */
export async function operateBanner(page: Page, action: ConsentAction, timeoutMs: number): Promise<AutomationResult> {
  const { script: code } = assets();
  const slot = await binding(page);
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const run: RunState = { action, cmp: null, popupFound: false, result: null, finish };
  slot.current = run;
  // The page script keeps one instance per page load: a reloaded page gets a fresh one. The page may break it
  // (a patched Array.prototype.toJSON that recurses, a frozen global): that is a failed interaction, not a failed check.
  try {
    await page.evaluate(code);
  } catch (error) {
    slot.current = null;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { cmp: null, ok: false, detail: `autoconsent could not run in this page (${reason}): nothing was clicked` };
  }
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
  // The page has loaded and settled before this runs: a banner that no rule has recognised within a few seconds
  // will not be (autoconsent keeps polling quietly); don't hold every banner-less site for the whole time-out.
  const detection = setTimeout(() => {
    if (run.cmp === null) run.finish();
  }, DETECT_MS);
  await Promise.race([done, timer]);
  clearTimeout(detection);
  slot.current = null;

  const verb = action === 'optOut' ? 'reject' : 'accept';
  const { cmp } = run;
  if (cmp === null) return { cmp, ok: false, detail: 'no autoconsent rule matched a consent banner on this page: nothing was clicked' };
  if (!run.popupFound) return { cmp, ok: false, detail: `${cmp} was detected but showed no banner to ${verb}` };
  if (run.result !== true) return { cmp, ok: false, detail: `autoconsent could not ${verb} through ${cmp}` };
  return { cmp, ok: true, detail: `${verb}ed through ${cmp} with autoconsent` };
}
