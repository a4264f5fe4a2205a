// Where the browsers are, and exactly how to install them when they are not.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type BrowserKind = 'chromium' | 'firefox';

/** Command names looked up on PATH, in order. */
const NAMES: Record<BrowserKind, string[]> = {
  chromium: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'],
  firefox: ['firefox-esr', 'firefox'],
};

/** Where the packages put them, for a PATH that lacks their folder. */
const CANDIDATES: Record<BrowserKind, string[]> = {
  chromium: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome'],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/snap/bin/firefox'],
};

export const INSTALL_HINT: Record<BrowserKind, string> = {
  chromium: 'install it with: sudo apt-get update && sudo apt-get install -y chromium   (or pass --browser-path)',
  firefox: 'install it with: sudo apt-get update && sudo apt-get install -y firefox-esr   (or pass --browser-path)',
};

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(names: readonly string[], path: string): string | null {
  const folders = path.split(delimiter).filter((folder) => folder !== '');
  for (const name of names) {
    for (const folder of folders) {
      const candidate = join(folder, name);
      if (executable(candidate)) return candidate;
    }
  }
  return null;
}

/** `--browser-path`, else CANDOR_CHROMIUM / CANDOR_FIREFOX, else the first of the browser's names on PATH, else where Debian, Ubuntu and snap install it. */
export function findBrowser(kind: BrowserKind, explicit?: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (explicit) return executable(explicit) ? explicit : null;
  const fromEnv = env[kind === 'chromium' ? 'CANDOR_CHROMIUM' : 'CANDOR_FIREFOX'];
  if (fromEnv && executable(fromEnv)) return fromEnv;
  return onPath(NAMES[kind], env.PATH ?? '') ?? CANDIDATES[kind].find(executable) ?? null;
}
