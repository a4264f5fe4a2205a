// npm run package: store-ready zip files of both builds, in artifacts/ (web-ext's own packer, for both).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
execFileSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
for (const browser of ['chrome', 'firefox']) {
  const filename = `candor-${version}-${browser}.zip`;
  execFileSync(
    process.execPath,
    ['node_modules/web-ext/bin/web-ext.js', 'build', '--source-dir', `dist/${browser}`, '--artifacts-dir', 'artifacts', '--filename', filename, '--overwrite-dest'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  process.stdout.write(`artifacts/${filename}\n`);
}
