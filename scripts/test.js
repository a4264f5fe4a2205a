// npm test: typecheck, lint, unit tests, build, Mozilla's web-ext lint, then end-to-end tests in real Chromium
// and Firefox ESR. Ends with one plain line "tests: N passed, N failed" counting every vitest test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const node = process.execPath;
const steps = [
  ['typecheck', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']],
  ['lint', ['node_modules/@biomejs/biome/bin/biome', 'lint', 'src', 'test', 'scripts', 'sites', 'bench', 'bin']],
  ['unit tests', ['node_modules/vitest/vitest.mjs', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/unit.json']],
  ['build', ['scripts/build.js']],
  ['web-ext lint', ['node_modules/web-ext/bin/web-ext.js', 'lint', '--source-dir', 'dist/firefox', '--self-hosted', '--no-input', '--warnings-as-errors=false']],
  ['end-to-end tests', ['node_modules/vitest/vitest.mjs', 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/e2e.json']],
];

let failedStep = null;
for (const [name, args] of steps) {
  const started = Date.now();
  process.stderr.write(`\n== ${name}\n`);
  const result = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
  process.stderr.write(`== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (result.status !== 0) {
    failedStep = name;
    // Keep going through the test steps so one report shows every failure; stop before the browser tests if the build broke.
    if (name === 'build' || name === 'typecheck') break;
  }
}

let passed = 0;
let failed = 0;
for (const file of ['.tmp/unit.json', '.tmp/e2e.json']) {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
  } catch {
    // that step did not run
  }
}
if (failedStep && failed === 0) failed = 1; // a failed non-test step counts as a failure
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
process.exit(failedStep ? 1 : 0);
