// The `candor` command line (../shared/spec/cli.md). Progress on stderr, the report on stdout or --out.
// Exit codes: 0 nothing at or above --fail-on, 1 such a finding exists, 2 usage error or the check could not run.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exitCodeFor, FAIL_ON_VALUES, type FailOn, formatReport, isOutputFormat } from '../core/export/index.ts';
import { PHASES, type Phase } from '../core/types.ts';
import { CheckError, check } from './check.ts';
import { ConfigError, configFindingsOptions, loadConfig } from './config.ts';
import { CRAWL_USAGE, crawlCommand, isCrawlCommand } from './crawl-command.ts';
import { COMMON_OPTIONS, parseArgsMessage, parseProxy, usageLine } from './options.ts';

const USAGE = `usage:
  candor check <url> [options]
  candor crawl <list> --out <dir> [options]

options:
  --browser chromium|firefox   which browser (default chromium)
  --browser-path PATH          the browser's executable
  --phases LIST                before-consent,after-reject,after-accept,after-revoke (default before-consent,after-reject)
  --gpc                        send Global Privacy Control
  --format FORMAT              text|json|sarif|junit|html|har (default text)
  --out FILE                   write the report there instead of stdout
  --fail-on LEVEL              high|medium|low|info|none (default high)
  --proxy URL                  send all browser traffic through this HTTP proxy
  --map-hosts-to IP            resolve every host name to IP
  --insecure                   accept self-signed certificates (local test sites only)
  --timeout MS                 page-load limit (default 30000)
  --settle MS                  quiet time before a phase is closed (default 1500)
  --config PATH                pinned expectations, severities, defaults (default ./candor.config.json if present)`;

class UsageError extends Error {}
/** `--help`: the usage on stdout, exit 0. */
class HelpRequest extends Error {}

function fail(code: 2, message: string): never {
  process.stderr.write(`candor: ${message}\n`);
  process.exit(code);
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} takes a positive number of milliseconds`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  if (isCrawlCommand(argv)) return crawlCommand(argv);
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    if (error instanceof HelpRequest) {
      process.stdout.write(`${USAGE}\n\n${CRAWL_USAGE}\n`);
      return 0;
    }
    process.stderr.write(usageLine(error instanceof UsageError ? error.message : parseArgsMessage(error)));
    return 2;
  }
  const { command, target, values } = parsed;
  if (command !== 'check') {
    process.stderr.write(`candor: ${command} is not available in this version yet\n`);
    return 2;
  }
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loaded = loadConfig(values.config);
  } catch (error) {
    if (error instanceof ConfigError) fail(2, error.message);
    throw error;
  }
  const config = loaded?.config ?? {};
  if (loaded) process.stderr.write(`candor: using ${loaded.path}\n`);
  const format = values.format ?? 'text';
  if (!isOutputFormat(format)) return usage(`unknown --format ${format}`);
  const failOn = (values['fail-on'] ?? config.failOn ?? 'high') as FailOn;
  if (!(FAIL_ON_VALUES as readonly string[]).includes(failOn)) return usage(`unknown --fail-on ${failOn}`);
  const browser = values.browser ?? 'chromium';
  if (browser !== 'chromium' && browser !== 'firefox') return usage(`unknown --browser ${browser}`);
  const phases = (values.phases ?? config.phases?.join(',') ?? 'before-consent,after-reject').split(',').map((p) => p.trim()) as Phase[];
  const bad = phases.find((p) => !(PHASES as readonly string[]).includes(p) || p === 'browsing');
  if (bad !== undefined) return usage(`unknown phase ${bad}`);
  if (values.proxy !== undefined && !parseProxy(values.proxy)) return usage(`--proxy takes an HTTP proxy address such as http://127.0.0.1:8080, not ${values.proxy}`);
  try {
    const report = await check(target, {
      browser,
      phases,
      gpc: values.gpc ?? false,
      insecure: values.insecure ?? false,
      timeoutMs: positiveInt(values.timeout, 'timeout', 30_000),
      settleMs: positiveInt(values.settle, 'settle', 1500),
      headers: format === 'har',
      progress: (line) => process.stderr.write(`candor: ${line}\n`),
      ...configFindingsOptions(config),
      ...(values['browser-path'] ? { browserPath: values['browser-path'] } : {}),
      ...(values.proxy ? { proxy: values.proxy } : {}),
      ...(values['map-hosts-to'] ? { mapHostsTo: values['map-hosts-to'] } : {}),
    });
    const color = format === 'text' && !values.out && process.stdout.isTTY === true && !process.env.NO_COLOR;
    const text = formatReport(report, format, { color, failOn });
    if (values.out) writeFileSync(values.out, text);
    else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return exitCodeFor(report, failOn);
  } catch (error) {
    if (error instanceof CheckError || error instanceof UsageError) fail(2, error.message);
    // Anything else is still "the check could not run": one clear line, exit 2 (the stack only with CANDOR_DEBUG).
    if (process.env.CANDOR_DEBUG) console.error(error);
    fail(2, `the check could not run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

function usage(message: string): number {
  process.stderr.write(usageLine(message));
  return 2;
}

function parseOptions(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...COMMON_OPTIONS, config: { type: 'string' } },
  });
  const [command, target, extra] = positionals;
  if (values.help) throw new HelpRequest();
  if (!command) throw new UsageError('a command is needed: check <url> or crawl <list>');
  if (command !== 'check' && command !== 'crawl') throw new UsageError(`unknown command ${command}`);
  if (!target) throw new UsageError(`${command} needs ${command === 'check' ? 'a URL' : 'a list file'}`);
  if (extra !== undefined) throw new UsageError(`${command} takes one ${command === 'check' ? 'URL' : 'list file'}, not also ${extra}`);
  return { command, target, values };
}
