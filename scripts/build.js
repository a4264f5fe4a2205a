// npm run build: both extensions, from one manifest and one vite config (CANDOR_BROWSER selects the transform).
import { execFileSync } from 'node:child_process';

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];
for (const browser of targets) {
  process.stderr.write(`building dist/${browser}\n`);
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, CANDOR_BROWSER: browser },
  });
}
