// Shared set-up for end-to-end tests: the local internet (demo site + test sites) and a real browser with the
// built extension. A missing browser or build is a failure with the fix in the message, never a skip.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserKind, findBrowser, INSTALL_HINT } from '../../src/cli/find-browser.ts';
import { type CandorBrowser, defaultExtensionDir, type LaunchOptions, launch } from '../../src/cli/launch.ts';
import { type Internet, startInternet } from '../../sites/internet.ts';
import { DEMO_ROOT, demoRoutes } from '../../sites/routes.ts';

export const TEST_SITES = resolve('test/sites');
export const ARTIFACTS = resolve('artifacts');

export async function startTestInternet(): Promise<Internet> {
  return startInternet({ roots: [DEMO_ROOT, TEST_SITES], routes: demoRoutes });
}

export function requireBrowser(kind: BrowserKind): void {
  if (!findBrowser(kind)) throw new Error(`end-to-end tests need ${kind}: ${INSTALL_HINT[kind]}`);
  if (!existsSync(join(defaultExtensionDir(kind), 'manifest.json'))) {
    throw new Error(`the extension is not built for ${kind}: run npm run build`);
  }
}

export async function launchWithCandor(
  kind: BrowserKind,
  internet: Internet,
  withCandor = true,
  extra: Pick<LaunchOptions, 'firefoxPrefs'> = {},
): Promise<CandorBrowser> {
  requireBrowser(kind);
  // Browsers write under $HOME: keep tests out of the real one.
  const home = join(tmpdir(), 'candor-test-home');
  mkdirSync(home, { recursive: true });
  process.env.HOME = home;
  return launch({ kind, proxy: internet.proxyUrl, insecure: true, ...extra, ...(withCandor ? {} : { extensionDir: null }) });
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
