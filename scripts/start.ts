// npm start: the demo. Builds Candor (done by the npm script), starts the local internet with the demo shop, and
// - with a display: opens Chromium (or Firefox with --browser firefox) with Candor loaded on the demo site;
// - without one: runs `candor check` on the demo site and prints the report.
import { formatReport } from '../src/core/export/index.ts';
import { CheckError, check } from '../src/cli/check.ts';
import { type BrowserKind, findBrowser, INSTALL_HINT } from '../src/cli/find-browser.ts';
import { launch } from '../src/cli/launch.ts';
import { startInternet } from '../sites/internet.ts';
import { DEMO_ROOT, DEMO_URL, demoRoutes } from '../sites/routes.ts';

const args = process.argv.slice(2);
const kind: BrowserKind = args.includes('firefox') || args.includes('--browser=firefox') ? 'firefox' : 'chromium';
const headlessWanted = args.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

if (!findBrowser(kind)) {
  process.stderr.write(`candor: no ${kind} found: ${INSTALL_HINT[kind]}\n`);
  process.exit(1);
}

const internet = await startInternet({ roots: [DEMO_ROOT], routes: demoRoutes });
const stop = async (code: number) => {
  await internet.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));

if (headlessWanted) {
  process.stderr.write(`candor: no display: checking the demo site ${DEMO_URL} in headless ${kind} instead\n`);
  try {
    const report = await check(DEMO_URL, {
      browser: kind,
      phases: ['before-consent', 'after-reject'],
      gpc: false,
      proxy: internet.proxyUrl,
      insecure: true,
      timeoutMs: 30_000,
      settleMs: 1000,
      headers: false,
      progress: (line) => process.stderr.write(`candor: ${line}\n`),
    });
    process.stdout.write(`${formatReport(report, 'text', { color: process.stdout.isTTY === true, failOn: 'high' })}\n`);
    process.stderr.write('candor: this was `npx candor check` on the bundled demo site; see README.md for more.\n');
    await stop(0);
  } catch (error) {
    process.stderr.write(`candor: ${error instanceof CheckError || error instanceof Error ? error.message : String(error)}\n`);
    await stop(1);
  }
} else {
  const b = await launch({ kind, proxy: internet.proxyUrl, insecure: true, headless: false });
  const page = await b.newPage();
  await page.goto(DEMO_URL, { waitUntil: 'load' });
  process.stderr.write(
    `candor: ${b.version} is open on the demo shop ${DEMO_URL} with Candor loaded.\n` +
      '        Click the Candor icon in the toolbar (pin it from the puzzle-piece menu) to see what the shop does,\n' +
      '        says and what you agreed to. Close the browser window or press Ctrl+C to stop.\n',
  );
  b.browser.on('disconnected', () => void stop(0));
}
