// `candor crawl <list> --out <dir> [options]` (../shared/spec/cli.md): the check options, plus the crawl's own.
import { parseArgs } from 'node:util';
import { parseShard, type Shard } from '../core/crawl/index.ts';
import { FAIL_ON_VALUES, type FailOn, isOutputFormat } from '../core/export/index.ts';
import { PHASES, type Phase } from '../core/types.ts';
import { CrawlError, type CrawlOptions, crawl } from './crawl.ts';
import { COMMON_OPTIONS, parseArgsMessage, parseProxy, usageLine } from './options.ts';

export const CRAWL_USAGE = `usage: candor crawl <list> --out <dir> [options]

<list> is a file with one URL or domain a line (blank lines and # comments are skipped; "rank,domain" lines keep
their rank). Each site gets <dir>/reports/<site>.json; rows are appended to <dir>/{site_visits,http_requests,
http_responses,javascript_cookies,findings}.ndjson and <dir>/summary.csv. Run the same command again to resume.

options (as for check):
  --browser chromium|firefox   which browser (default chromium)
  --browser-path PATH          the browser's executable
  --phases LIST                before-consent,after-reject,after-accept,after-revoke (default before-consent,after-reject)
  --gpc                        send Global Privacy Control
  --fail-on LEVEL              high|medium|low|info|none (default high), over all sites
  --format FORMAT              text|sarif|junit|html|har: also <dir>/reports/<site>.<txt|sarif|xml|html|har>
  --proxy URL                  send all browser traffic through this HTTP proxy
  --map-hosts-to IP            resolve every host name to IP
  --insecure                   accept self-signed certificates (local test sites only)
  --timeout MS                 page-load limit (default 30000)
  --settle MS                  quiet time before a phase is closed (default 1500)
crawl options:
  --out DIR                    output folder (required; an earlier run there is resumed)
  --concurrency N              sites at the same time (default max(1, cores/2))
  --site-timeout MS            limit for one site, all phases (default phases × (2 × timeout + 15000))
  --retries N                  attempts after a failure (default 1)
  --shard i/n                  take every n-th line from line i (0 ≤ i < n), e.g. $(JOB_COMPLETION_INDEX)/8
  --crawl-id ID                crawl_id written in every row (default: a new UUID; give shards the same one)
  --progress bar|lines|none    default: bar when stderr is a terminal, else one line per site`;

export const CRAWL_OPTIONS = {
  ...COMMON_OPTIONS,
  concurrency: { type: 'string' },
  'site-timeout': { type: 'string' },
  retries: { type: 'string' },
  shard: { type: 'string' },
  'crawl-id': { type: 'string' },
  progress: { type: 'string' },
} as const;

/** Whether argv is a `crawl` command (its first positional, whatever options come before it). */
export function isCrawlCommand(argv: readonly string[]): boolean {
  try {
    const { positionals } = parseArgs({
      args: [...argv],
      options: CRAWL_OPTIONS,
      allowPositionals: true,
      strict: false,
    });
    return positionals[0] === 'crawl';
  } catch {
    return false;
  }
}

class UsageError extends Error {}

function count(value: string | undefined, name: string, fallback: number | undefined, min = 1): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} takes a whole number${min > 0 ? ' above 0' : ''}, not ${value}`);
  return n;
}

function parseCrawlArgs(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: CRAWL_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const [command, list, extra] = positionals;
  if (values.help) throw new UsageError('help');
  if (command !== 'crawl') throw new UsageError('not a crawl command');
  if (!list) throw new UsageError('crawl needs a list file');
  if (extra !== undefined) throw new UsageError(`crawl takes one list file, not also ${extra}`);
  if (!values.out) throw new UsageError('crawl needs --out <dir>');
  const format = values.format;
  if (format !== undefined && !isOutputFormat(format)) throw new UsageError(`unknown --format ${format}`);
  const browser = values.browser ?? 'chromium';
  if (browser !== 'chromium' && browser !== 'firefox') throw new UsageError(`unknown --browser ${browser}`);
  const failOn = (values['fail-on'] ?? 'high') as FailOn;
  if (!(FAIL_ON_VALUES as readonly string[]).includes(failOn)) throw new UsageError(`unknown --fail-on ${failOn}`);
  const phases = (values.phases ?? 'before-consent,after-reject').split(',').map((p) => p.trim()) as Phase[];
  const bad = phases.find((p) => !(PHASES as readonly string[]).includes(p) || p === 'browsing');
  if (bad !== undefined) throw new UsageError(`unknown phase ${bad}`);
  if (values.proxy !== undefined && !parseProxy(values.proxy)) {
    throw new UsageError(`--proxy takes an HTTP proxy address such as http://127.0.0.1:8080, not ${values.proxy}`);
  }
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    const parsed = parseShard(values.shard);
    if ('error' in parsed) throw new UsageError(parsed.error);
    shard = parsed;
  }
  const progress = values.progress;
  if (progress !== undefined && !isProgressMode(progress)) throw new UsageError(`unknown --progress ${progress}`);
  const concurrency = count(values.concurrency, 'concurrency', undefined);
  const siteTimeoutMs = count(values['site-timeout'], 'site-timeout', undefined);
  const retries = count(values.retries, 'retries', 1, 0);
  const options: CrawlOptions = {
    out: values.out,
    check: {
      browser,
      phases,
      gpc: values.gpc ?? false,
      insecure: values.insecure ?? false,
      timeoutMs: count(values.timeout, 'timeout', 30_000) ?? 30_000,
      settleMs: count(values.settle, 'settle', 1500) ?? 1500,
      ...(values['browser-path'] ? { browserPath: values['browser-path'] } : {}),
      ...(values.proxy ? { proxy: values.proxy } : {}),
      ...(values['map-hosts-to'] ? { mapHostsTo: values['map-hosts-to'] } : {}),
    },
    failOn,
    ...(retries === undefined ? {} : { retries }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(siteTimeoutMs === undefined ? {} : { siteTimeoutMs }),
    ...(shard ? { shard } : {}),
    ...(values['crawl-id'] ? { crawlId: values['crawl-id'] } : {}),
    ...(progress ? { progress } : {}),
    ...(format ? { format } : {}),
  };
  return { list, options };
}

function isProgressMode(value: string): value is NonNullable<CrawlOptions['progress']> {
  return value === 'bar' || value === 'lines' || value === 'none';
}

export async function crawlCommand(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCrawlArgs>;
  try {
    parsed = parseCrawlArgs(argv);
  } catch (error) {
    if (error instanceof UsageError && error.message === 'help') {
      process.stdout.write(`${CRAWL_USAGE}\n`);
      return 0;
    }
    process.stderr.write(usageLine(error instanceof UsageError ? error.message : parseArgsMessage(error)));
    return 2;
  }
  try {
    const result = await crawl(parsed.list, parsed.options);
    return result.exitCode;
  } catch (error) {
    if (error instanceof CrawlError) {
      process.stderr.write(`candor: ${error.message}\n`);
      return 2;
    }
    if (process.env.CANDOR_DEBUG) console.error(error);
    process.stderr.write(
      `candor: the crawl could not run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
    );
    return 2;
  }
}
