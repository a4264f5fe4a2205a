// Where the browsers are, and exactly how to install them when they are not.
import { accessSync, constants } from 'node:fs';

export type BrowserKind = 'chromium' | 'firefox';

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
    return true;
  } catch {
    return false;
  }
}

export function findBrowser(kind: BrowserKind, explicit?: string): string | null {
  if (explicit) return executable(explicit) ? explicit : null;
  const fromEnv = process.env[kind === 'chromium' ? 'CANDOR_CHROMIUM' : 'CANDOR_FIREFOX'];
  if (fromEnv && executable(fromEnv)) return fromEnv;
  return CANDIDATES[kind].find(executable) ?? null;
}
