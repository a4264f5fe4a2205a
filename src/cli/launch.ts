// Launches a real browser with the built extension loaded, and talks to the extension through one of its own
// pages. Used by the command line, `npm start`, the end-to-end tests and the benchmark.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type Viewport } from 'puppeteer-core';
import type { Report } from '../core/types.ts';
import type { MessageName, MessageRequest, MessageResponse } from '../shared/messages.ts';
import { type BrowserKind, findBrowser, INSTALL_HINT } from './find-browser.ts';
import { parseProxy } from './options.ts';

export const GECKO_ID = 'candor@candor.dev';

export interface LaunchOptions {
  kind: BrowserKind;
  browserPath?: string;
  /** folder of the unpacked extension; default dist/chrome or dist/firefox; null = launch without Candor */
  extensionDir?: string | null;
  proxy?: string;
  mapHostsTo?: string;
  insecure?: boolean;
  headless?: boolean;
  /** false for an extension that is not Candor (the benchmark's control extension): nothing waits for its answer */
  candor?: boolean;
  /**
   * Done in the browser before the extension is installed, as when Candor is installed or enabled with pages already
   * open (the tests use it to open such a page).
   */
  beforeInstall?: (browser: Browser) => Promise<void>;
  /** Firefox: preferences on top of the launcher's own (the tests shorten the event page's idle timeout) */
  firefoxPrefs?: Record<string, unknown>;
}

export class LaunchError extends Error {}

export interface OpenOptions {
  /** ms until `ready` must match; default 20 s */
  timeout?: number;
  /** the tab's viewport, set before the page loads */
  viewport?: Viewport;
}

export interface CandorBrowser {
  kind: BrowserKind;
  browser: Browser;
  version: string;
  /** the extension's base URL (chrome-extension://id/ or moz-extension://uuid/), null without Candor */
  extensionBase: string | null;
  newPage(): Promise<Page>;
  /**
   * opens one of Candor's own pages (`path` under the extension's base, e.g. `src/popup/index.html?tabId=3`) in a new
   * tab and resolves once `ready` (a CSS selector) matches in it
   */
  openExtensionPage(path: string, ready: string, options?: OpenOptions): Promise<Page>;
  /** sends one typed message to the background from an extension page */
  message<K extends MessageName>(name: K, request: MessageRequest<K>): Promise<MessageResponse<K>>;
  /** the report of the visit whose page URL is `url` */
  report(url: string): Promise<Report | null>;
  close(): Promise<void>;
}

/**
 * A background reply as the control page sent it: JSON text (null for no reply). Sent as text because WebDriver
 * BiDi's serialisation (Firefox) returns an object referenced twice in the value only once and drops the rest.
 */
export function parseReply(text: unknown): unknown {
  return typeof text === 'string' ? (JSON.parse(text) as unknown) : null;
}

/** The built extension in this package's dist/, wherever the command runs from (a site's repository in CI). */
export function defaultExtensionDir(kind: BrowserKind): string {
  return fileURLToPath(new URL(kind === 'chromium' ? '../../dist/chrome' : '../../dist/firefox', import.meta.url));
}

function chromiumArgs(o: LaunchOptions): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
    // Sites hide consent banners from automated browsers (vanilla-cookieconsent's hideFromBots, for one):
    // a check must see the page as a person does, so navigator.webdriver stays false.
    '--disable-blink-features=AutomationControlled',
  ];
  if (o.proxy) args.push(`--proxy-server=${o.proxy}`, '--proxy-bypass-list=<-loopback>');
  if (o.mapHostsTo) args.push(`--host-resolver-rules=MAP * ${o.mapHostsTo}, EXCLUDE localhost`);
  if (o.insecure) args.push('--ignore-certificate-errors');
  return args;
}

function firefoxPrefs(o: LaunchOptions, uuid: string): Record<string, unknown> {
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    // Tracker lists are downloaded at run time, which never happens here: keep behaviour the same with or without them.
    'privacy.trackingprotection.enabled': false,
    'privacy.trackingprotection.socialtracking.enabled': false,
  };
  if (o.proxy) {
    const proxy = parseProxy(o.proxy);
    if (!proxy) throw new Error(`--proxy ${o.proxy} is not an HTTP proxy address`);
    Object.assign(prefs, {
      'network.proxy.type': 1,
      'network.proxy.http': proxy.host,
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': proxy.host,
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    });
  }
  if (o.mapHostsTo) prefs['network.dns.forceResolve'] = o.mapHostsTo;
  return { ...prefs, ...o.firefoxPrefs };
}

/** A WebDriver protocol failure (as opposed to a selector that never matched). */
function isProtocolError(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause.name === 'ProtocolError' || cause.message.startsWith('Protocol error')) return true;
  }
  return false;
}

/**
 * Opens an extension page in a new tab and waits for `ready` in it. The navigation is started without waiting for it
 * (Firefox never resolves goto() on moz-extension:// pages). Under load Firefox's WebDriver BiDi can go on evaluating
 * in the about:blank document the tab started with, and every evaluation then fails with a protocol error until the
 * deadline (seen in CI: "right-hand side of 'in' should be an object, got null"); such a tab is closed and the page
 * opened again in a fresh one. A selector that never matches is an error like any other.
 */
export async function openExtensionPage(browser: Browser, url: string, ready: string, options: OpenOptions = {}): Promise<Page> {
  const deadline = Date.now() + (options.timeout ?? 20_000);
  for (let attempt = 1; ; attempt++) {
    const page = await browser.newPage();
    if (options.viewport) await page.setViewport(options.viewport);
    void page.goto(url).catch(() => undefined);
    try {
      await page.waitForSelector(ready, { timeout: Math.max(1, deadline - Date.now()) });
      return page;
    } catch (error) {
      await page.close().catch(() => undefined);
      if (!isProtocolError(error) || Date.now() >= deadline || attempt >= 5) throw error;
    }
  }
}

/** puppeteer.launch, with a failure that names the executable (the one found on PATH may not be the one meant). */
async function startBrowser(executablePath: string, options: Parameters<typeof puppeteer.launch>[0]): Promise<Browser> {
  try {
    return await puppeteer.launch(options);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new LaunchError(`${executablePath} did not start: ${reason}`);
  }
}

export async function launch(o: LaunchOptions): Promise<CandorBrowser> {
  const executablePath = findBrowser(o.kind, o.browserPath);
  if (!executablePath) throw new LaunchError(`no ${o.kind} found: ${INSTALL_HINT[o.kind]}`);
  const extensionDir = o.extensionDir === undefined ? defaultExtensionDir(o.kind) : o.extensionDir;
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new LaunchError(`the extension is not built at ${extensionDir}: run npm run build`);
  }
  const profile = mkdtempSync(join(tmpdir(), `candor-${o.kind}-`));
  let browser: Browser;
  let extensionBase: string | null = null;
  if (o.kind === 'chromium') {
    // Chromium blocks third-party cookies by default in new profiles; a typical user's browser stores them.
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
    browser = await startBrowser(executablePath, {
      executablePath,
      headless: o.headless ?? true,
      pipe: true,
      userDataDir: profile,
      args: chromiumArgs(o),
      acceptInsecureCerts: o.insecure ?? false,
      enableExtensions: extensionDir ? (o.beforeInstall ? true : [extensionDir]) : false,
      defaultViewport: { width: 1280, height: 800 },
    });
    if (extensionDir && o.beforeInstall) {
      await o.beforeInstall(browser);
      await browser.installExtension(extensionDir);
    }
    if (extensionDir) {
      const worker = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
        { timeout: 20_000 },
      );
      extensionBase = `chrome-extension://${new URL(worker.url()).host}/`;
    }
  } else {
    const uuid = randomUUID();
    browser = await startBrowser(executablePath, {
      browser: 'firefox',
      executablePath,
      headless: o.headless ?? true,
      userDataDir: profile,
      acceptInsecureCerts: o.insecure ?? false,
      args: ['--remote-allow-system-access'],
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: firefoxPrefs(o, uuid),
      defaultViewport: { width: 1280, height: 800 },
    });
    if (extensionDir) {
      await o.beforeInstall?.(browser);
      await browser.installExtension(extensionDir);
      extensionBase = `moz-extension://${uuid}/`;
    }
  }

  let control: Page | null = null;
  const controlPage = async (): Promise<Page> => {
    if (control && !control.isClosed()) return control;
    if (!extensionBase) throw new LaunchError('this browser runs without Candor');
    const page = await openExtensionPage(browser, `${extensionBase}src/report/index.html`, 'body[data-state]');
    control = page;
    return page;
  };

  const message = async <K extends MessageName>(name: K, request: MessageRequest<K>): Promise<MessageResponse<K>> => {
    const page = await controlPage();
    const text = await page.evaluate(
      async (n: string, r: unknown) => {
        type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
        const g = globalThis as { browser?: Api; chrome?: Api };
        const api = g.browser ?? g.chrome;
        if (!api) throw new Error('not an extension page');
        // As JSON text: WebDriver BiDi (Firefox) drops an object the reply references twice.
        return JSON.stringify(await api.runtime.sendMessage({ candor: n, request: r })) ?? null;
      },
      name,
      request as unknown,
    );
    return parseReply(text) as MessageResponse<K>;
  };

  const candor: CandorBrowser = {
    kind: o.kind,
    browser,
    version: await browser.version(),
    extensionBase,
    async newPage() {
      const page = await browser.newPage();
      // A page that opens alert/confirm/prompt while loading (age gates, "leave this page?") would otherwise hold
      // its load event forever: answer as a visitor who clicks OK.
      page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
      if (o.kind === 'firefox') {
        // Firefox keeps navigator.webdriver true under WebDriver BiDi whatever the pref says; sites then hide
        // their banners from us. Present the page as a person's browser would.
        // (a string, not a function: tsx's name helpers do not exist in the page)
        await page.evaluateOnNewDocument(
          "Object.defineProperty(Navigator.prototype, 'webdriver', { get() { return false; }, configurable: true });",
        );
      }
      return page;
    },
    openExtensionPage(path, ready, options) {
      if (!extensionBase) throw new LaunchError('this browser runs without Candor');
      return openExtensionPage(browser, `${extensionBase}${path}`, ready, options);
    },
    message,
    report: (url) => message('getReportByUrl', { url }),
    async close() {
      try {
        await browser.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
  if (extensionBase && o.candor !== false) await message('ping', {}); // resolves once the background has loaded its database and state
  return candor;
}
