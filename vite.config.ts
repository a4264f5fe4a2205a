// One config, two browsers: CANDOR_BROWSER=chrome|firefox selects the manifest transform and output folder.
import { cpSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

type Browser = 'chrome' | 'firefox';
const browser: Browser = process.env.CANDOR_BROWSER === 'firefox' ? 'firefox' : 'chrome';

export const GECKO_ID = 'candor@candor.dev';

/** The per-browser transform of the one manifest.json. */
export function manifestFor(target: Browser): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown>;
  manifest.version = pkg.version;
  if (target === 'firefox') {
    // Firefox MV3 has no service workers for extensions: an event page with module scripts.
    manifest.background = { scripts: ['src/background/index.ts'], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        // Candor collects nothing: every observation stays in the browser.
        data_collection_permissions: { required: ['none'] },
      },
    };
    // Firefox-only: resolve CNAMEs to uncloak first-party-disguised trackers.
    manifest.permissions = [...(baseManifest.permissions as string[]), 'dns'];
  } else {
    // Chromium-only: the navigations a site's service worker answers start no request of the tab
    // (src/background/navigations.ts). Chrome words it as `tabs` already does ("Read your browsing history").
    manifest.permissions = [...(baseManifest.permissions as string[]), 'webNavigation'];
  }
  return manifest as unknown as ManifestV3Export;
}

/** Ships the tracker database engine and the locales next to the extension's code. */
function copyAssets(outDir: string): Plugin {
  return {
    name: 'candor-copy-assets',
    apply: 'build',
    writeBundle() {
      cpSync(resolve('node_modules/@ghostery/trackerdb/dist/trackerdb.engine'), resolve(outDir, 'trackerdb.engine'));
      if (existsSync('_locales')) cpSync('_locales', resolve(outDir, '_locales'), { recursive: true });
    },
  };
}

const outDir = `dist/${browser}`;

export default defineConfig({
  plugins: [crx({ manifest: manifestFor(browser), browser }), copyAssets(outDir)],
  define: {
    __CANDOR_BROWSER__: JSON.stringify(browser),
    __CANDOR_VERSION__: JSON.stringify(pkg.version),
    __TRACKERDB_VERSION__: JSON.stringify(
      `@ghostery/trackerdb ${(await import('./node_modules/@ghostery/trackerdb/package.json', { with: { type: 'json' } })).default.version}`,
    ),
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      input: { report: 'src/report/index.html' },
    },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
