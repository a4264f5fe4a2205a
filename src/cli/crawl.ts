// `candor crawl <list> --out <dir>`: many sites, one `check()` each (in its own process, under a time limit, one
// retry), one JSON report per site, NDJSON tables and a summary CSV appended as each site finishes, and a journal
// that lets a killed crawl resume where it stopped. The bookkeeping itself is pure: ../core/crawl/.
import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import {
  crawlExitCode,
  defaultConcurrency,
  defaultSiteTimeout,
  formatShard,
  hash53,
  inShard,
  type JournalEntry,
  journalKey,
  journalLine,
  type ListEntry,
  type ListProblem,
  parseJournal,
  parseList,
  planResume,
  progressBar,
  reportName,
  runSites,
  type Shard,
  type SiteOutcome,
  siteLine,
  siteRows,
  sitesPerMinute,
} from '../core/crawl/index.ts';
import {
  type FailOn,
  formatJson,
  formatReport,
  type OutputFormat,
  SUMMARY_CSV_HEADER,
  summaryCsvErrorRow,
  summaryCsvRow,
  TABLE_NAMES,
  toNdjson,
} from '../core/export/index.ts';
import { siteOf } from '../core/party.ts';
import { type Report, SEVERITIES, type Severity } from '../core/types.ts';
import type { CheckOptions } from './check.ts';
import { closeSiteProcesses, type RunSite, runSiteInChild, stopAllSites } from './crawl-site.ts';
import { findBrowser, INSTALL_HINT } from './find-browser.ts';
import { defaultExtensionDir } from './launch.ts';

/** The crawl could not start (exit code 2), with one line saying why. */
export class CrawlError extends Error {}

export type SiteCheckOptions = Omit<CheckOptions, 'progress' | 'headers' | 'severity'>;

export interface CrawlOptions {
  out: string;
  check: SiteCheckOptions;
  /** sites checked at the same time (default max(1, cores / 2)) */
  concurrency?: number;
  /** limit for one site, all phases (default phases × (2 × timeout + 15 s)) */
  siteTimeoutMs?: number;
  /** extra attempts after a failure (default 1) */
  retries?: number;
  shard?: Shard;
  /** shared by the shards of one crawl (default: a new UUID for a new output folder) */
  crawlId?: string;
  failOn?: FailOn;
  /** `bar`: one redrawn line (a terminal), `lines`: one line per site, `none`; default by whether stderr is a TTY */
  progress?: 'bar' | 'lines' | 'none';
  /** how one site is checked (default: check() in a child process) */
  runSite?: RunSite;
  /** a second file per site in this format, beside its JSON report (`--format`; the JSON is always written) */
  format?: OutputFormat;
}

/** File extension of a per-site report in each format. */
const FORMAT_EXTENSION: Record<OutputFormat, string> = { json: 'json', text: 'txt', sarif: 'sarif', junit: 'xml', html: 'html', har: 'har' };

export interface CrawlResult {
  crawlId: string;
  out: string;
  /** list entries in this shard: sites to check plus invalid/duplicate lines */
  entries: number;
  /** sites checked in this run / failed in this run / finished in an earlier run */
  ok: number;
  failed: number;
  resumed: number;
  /** invalid or duplicate list lines (this shard, recorded in this run) */
  skipped: number;
  elapsedMs: number;
  sitesPerMinute: number;
  exitCode: 0 | 1 | 2;
}

export const OUTPUT_FILES = [...TABLE_NAMES.map((t) => `${t}.ndjson`), 'summary.csv'] as const;
const JOURNAL = 'sites.ndjson';
const MANIFEST = 'crawl.json';
const SUMMARY_START = `${SUMMARY_CSV_HEADER}\r\n`;

interface Manifest {
  schema: 'candor.crawl/1';
  crawl_id: string;
  candor_version: string;
  list: {
    path: string | null;
    sha256: string;
    entries: number;
    problems: number;
  };
  shard: string;
  options: Record<string, unknown>;
  started_at: string;
  runs: {
    started_at: string;
    finished_at: string | null;
    ok: number;
    failed: number;
  }[];
}

function candorVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && typeof (pkg as { version?: unknown }).version === 'string'
    ? (pkg as { version: string }).version
    : '0.0.0';
}

function writeAtomic(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function readManifest(path: string): Manifest | null {
  if (!existsSync(path)) return null;
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof value === 'object' && value !== null && (value as { schema?: unknown }).schema === 'candor.crawl/1') {
      return value as Manifest;
    }
  } catch {
    // fall through
  }
  throw new CrawlError(`${path} is not a candor crawl manifest: use a new --out folder`);
}

function readReport(path: string): Report | null {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null && (value as { schema?: unknown }).schema === 'candor.report/1'
      ? (value as Report)
      : null;
  } catch {
    return null;
  }
}

function findingCounts(report: Report): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of report.findings) counts[f.severity]++;
  return counts;
}

function findingsText(counts: Record<Severity, number> | null): string {
  if (!counts) return '';
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length ? `findings ${parts.join(', ')}` : 'no findings';
}

/**
 * Crawls `list` (a file path, or the list's lines) into `options.out`. Resumes when the folder holds an earlier run
 * of the same crawl. Throws CrawlError when the crawl cannot start; site failures are recorded, never thrown.
 */
export async function crawl(list: string | readonly string[], options: CrawlOptions): Promise<CrawlResult> {
  const started = Date.now();
  const out = resolve(options.out);
  const c = options.check;
  let text: string;
  if (typeof list === 'string') {
    try {
      text = readFileSync(list, 'utf8');
    } catch (error) {
      throw new CrawlError(`cannot read the list ${list}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    text = list.join('\n');
  }
  const parsed = parseList(text);
  if (parsed.entries.length === 0) throw new CrawlError('the list holds no URL or domain to check');
  if (!options.runSite) {
    if (!findBrowser(c.browser, c.browserPath)) throw new CrawlError(`no ${c.browser} found: ${INSTALL_HINT[c.browser]}`);
    if (!existsSync(join(defaultExtensionDir(c.browser), 'manifest.json'))) {
      throw new CrawlError(`the extension is not built at ${defaultExtensionDir(c.browser)}: run npm run build`);
    }
  }
  const shard = options.shard;
  const entries = parsed.entries.filter((e) => inShard(e.ordinal, shard));
  const problems = parsed.problems.filter((p) => inShard(p.ordinal, shard));
  const concurrency = options.concurrency ?? defaultConcurrency(availableParallelism());
  const siteTimeoutMs = options.siteTimeoutMs ?? defaultSiteTimeout(c.phases.length, c.timeoutMs);
  const retries = options.retries ?? 1;
  const failOn = options.failOn ?? 'high';
  const mode = options.progress ?? (process.stderr.isTTY ? 'bar' : 'lines');
  const say = (line: string): void => {
    if (mode !== 'none') process.stderr.write(`${mode === 'bar' ? '\r\x1b[K' : ''}candor: ${line}\n`);
  };

  // The output folder: new, or an earlier run of the same crawl to resume.
  try {
    mkdirSync(join(out, 'reports'), { recursive: true });
  } catch (error) {
    throw new CrawlError(`cannot create ${out}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const manifestPath = join(out, MANIFEST);
  const listSha = createHash('sha256').update(text).digest('hex');
  const now = new Date(started).toISOString();
  const earlier = readManifest(manifestPath);
  // The options that change what a report says: a resumed crawl must use the same ones.
  if (earlier) {
    const had = earlier.options;
    const same = had.browser === c.browser && JSON.stringify(had.phases) === JSON.stringify(c.phases) && had.gpc === c.gpc;
    if (!same || earlier.shard !== formatShard(shard)) {
      throw new CrawlError(
        `${out} holds a crawl with other options (${JSON.stringify({ ...earlier.options, shard: earlier.shard })}): resume with the same --browser, --phases, --gpc and --shard, or use a new --out`,
      );
    }
    if (options.crawlId && options.crawlId !== earlier.crawl_id) {
      throw new CrawlError(`${out} holds crawl ${earlier.crawl_id}, not ${options.crawlId}: use a new --out`);
    }
    if (earlier.list.sha256 !== listSha)
      say('the list changed since this crawl started: finished URLs are kept, new ones are added');
  }
  const manifest: Manifest = earlier ?? {
    schema: 'candor.crawl/1',
    crawl_id: options.crawlId ?? randomUUID(),
    candor_version: candorVersion(),
    list: {
      path: typeof list === 'string' ? resolve(list) : null,
      sha256: listSha,
      entries: 0,
      problems: 0,
    },
    shard: formatShard(shard),
    options: {},
    started_at: now,
    runs: [],
  };
  manifest.list = {
    ...manifest.list,
    sha256: listSha,
    entries: parsed.entries.length,
    problems: parsed.problems.length,
  };
  manifest.options = {
    browser: c.browser,
    phases: c.phases,
    gpc: c.gpc,
    proxy: c.proxy ?? null,
    mapHostsTo: c.mapHostsTo ?? null,
    insecure: c.insecure,
    timeoutMs: c.timeoutMs,
    settleMs: c.settleMs,
    siteTimeoutMs,
    concurrency,
    retries,
    failOn,
  };
  const run = {
    started_at: now,
    finished_at: null as string | null,
    ok: 0,
    failed: 0,
  };
  manifest.runs.push(run);
  writeAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const crawlId = manifest.crawl_id;

  // Resume: keep what the journal says is finished, cut every output back to the last finished entry.
  const journalPath = join(out, JOURNAL);
  const journalText = existsSync(journalPath) ? readFileSync(journalPath, 'utf8') : '';
  const journal = parseJournal(journalText);
  if (Buffer.byteLength(journalText) > journal.bytes) truncateSync(journalPath, journal.bytes);
  const initial: Record<string, number> = Object.fromEntries(OUTPUT_FILES.map((f) => [f, 0]));
  initial['summary.csv'] = Buffer.byteLength(SUMMARY_START);
  const plan = planResume(entries, problems, journal.entries, initial);
  const sizes: Record<string, number> = {};
  for (const file of OUTPUT_FILES) {
    const path = join(out, file);
    const keep = plan.sizes[file] ?? 0;
    if (!existsSync(path)) writeFileSync(path, file === 'summary.csv' ? SUMMARY_START : '');
    else if (fileSize(path) > keep) truncateSync(path, keep);
    if (file === 'summary.csv' && fileSize(path) === 0) writeFileSync(path, SUMMARY_START);
    sizes[file] = fileSize(path);
  }
  const finished: JournalEntry[] = [...plan.done];
  if (plan.done.length > 0)
    say(`resuming crawl ${crawlId}: ${plan.done.length} entries already finished, ${plan.todo.length} sites to go`);

  const append = (file: string, chunk: string): void => {
    if (!chunk) return;
    appendFileSync(join(out, file), chunk);
    sizes[file] = (sizes[file] ?? 0) + Buffer.byteLength(chunk);
  };
  const commit = (entry: JournalEntry): void => {
    entry.sizes = { ...sizes };
    appendFileSync(journalPath, journalLine(entry));
    finished.push(entry);
  };

  // Bad list lines: reported and recorded once, never fatal.
  for (const p of plan.problems) {
    say(`line ${p.line}: skipped (${p.error}): ${p.input}`);
    append('summary.csv', `${summaryCsvErrorRow(p.input, '', `line ${p.line}: ${p.error}`)}\r\n`);
    commit(problemEntry(p, crawlId));
  }

  // The sites.
  const state = { finished: 0, ok: 0, failed: 0, running: 0 };
  const total = plan.todo.length;
  const drawBar = (): void => {
    if (mode !== 'bar') return;
    const bar = progressBar(
      {
        total,
        ...state,
        resumed: plan.done.length,
        elapsedMs: Date.now() - started,
      },
      process.stderr.columns || 100,
    );
    process.stderr.write(`\r\x1b[K${bar}`);
  };
  const ticker = mode === 'bar' ? setInterval(drawBar, 1000) : null;
  ticker?.unref();
  const stop = (signal: NodeJS.Signals): void => {
    stopAllSites();
    if (mode === 'bar') process.stderr.write('\n');
    process.stderr.write(`candor: crawl stopped by ${signal}; run the same command again to resume\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const runSite = options.runSite ?? runSiteInChild;
  const reused = new Set<string>();
  const extra = options.format !== undefined && options.format !== 'json' ? options.format : undefined;
  const checkOptions: Omit<CheckOptions, 'progress'> = { ...c, headers: extra === 'har' };

  const onDone = (o: SiteOutcome<Report>): void => {
    state.running--;
    state.finished++;
    const e = o.entry;
    const base = {
      key: journalKey(e),
      line: e.line,
      input: e.input,
      url: e.url,
      rank: e.rank,
      visit_id: hash53(`${crawlId} ${e.url}`),
      crawl_id: crawlId,
      attempts: o.attempts,
      attempt_errors: o.errors,
      started_at: new Date(o.startedAt).toISOString(),
      finished_at: new Date(o.finishedAt).toISOString(),
      duration_ms: o.finishedAt - o.startedAt,
      sizes: {},
    };
    let entry: JournalEntry;
    if (o.result.ok) {
      const report = o.result.value;
      const name = `reports/${reportName(e.url)}.json`;
      const reportPath = join(out, name);
      if (!reused.has(e.url)) {
        writeAtomic(reportPath, formatJson(report));
        if (extra) writeAtomic(join(out, `reports/${reportName(e.url)}.${FORMAT_EXTENSION[extra]}`), formatReport(report, extra, { failOn }));
      }
      const tables = siteRows(report, {
        crawlId,
        visitId: base.visit_id,
        rank: e.rank,
      });
      for (const t of TABLE_NAMES) append(`${t}.ndjson`, toNdjson(tables[t]));
      append('summary.csv', `${summaryCsvRow(report)}\r\n`);
      entry = {
        ...base,
        status: 'ok',
        report: name,
        error: null,
        findings: findingCounts(report),
      };
      state.ok++;
      run.ok++;
    } else {
      append('summary.csv', `${summaryCsvErrorRow(siteOf(e.url), e.url, o.result.error)}\r\n`);
      entry = {
        ...base,
        status: 'error',
        report: null,
        error: o.result.error,
        findings: null,
      };
      state.failed++;
      run.failed++;
    }
    commit(entry);
    const line = siteLine({
      index: state.finished,
      total,
      url: e.url,
      status: entry.status === 'ok' ? 'ok' : 'error',
      durationMs: base.duration_ms,
      attempts: o.attempts,
      detail: entry.error ?? findingsText(entry.findings),
    });
    if (mode === 'lines' || (mode === 'bar' && entry.status !== 'ok')) say(line);
    drawBar();
  };

  try {
    await runSites<Report>(plan.todo, {
      concurrency,
      retries,
      now: Date.now,
      onStart: (_entry, attempt) => {
        if (attempt === 1) state.running++;
        drawBar();
      },
      run: async (entry, attempt) => {
        // A report written just before a kill (its tables were not) is complete: use it rather than check again.
        if (attempt === 1) {
          const kept = readReport(join(out, 'reports', `${reportName(entry.url)}.json`));
          if (kept) {
            reused.add(entry.url);
            return kept;
          }
        }
        return runSite(entry.url, checkOptions, siteTimeoutMs);
      },
      onDone,
    });
  } finally {
    closeSiteProcesses();
    if (ticker) clearInterval(ticker);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    if (mode === 'bar') process.stderr.write('\r\x1b[K');
  }

  const elapsedMs = Date.now() - started;
  run.finished_at = new Date().toISOString();
  writeAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  // A shard with nothing in it (more machines than sites) has nothing to fail on.
  const exitCode = entries.length === 0 ? 0 : crawlExitCode(finished, failOn);
  const rate = sitesPerMinute(state.finished, elapsedMs);
  say(
    `crawl ${crawlId} (shard ${formatShard(shard)}): ${state.ok} checked, ${state.failed} failed, ${plan.problems.length} list lines skipped` +
      `${plan.done.length ? `, ${plan.done.length} finished before` : ''} in ${(elapsedMs / 1000).toFixed(1)} s` +
      ` (${rate.toFixed(2)} sites/min); output in ${out}`,
  );
  // the one line an exit code 2 owes, even with --progress none
  if (exitCode === 2) process.stderr.write(`candor: no site could be checked (${state.failed} failed${plan.problems.length ? `, ${plan.problems.length} list lines skipped` : ''}; see ${join(out, 'summary.csv')})\n`);
  return {
    crawlId,
    out,
    entries: entries.length + problems.length,
    ok: state.ok,
    failed: state.failed,
    resumed: plan.done.length,
    skipped: plan.problems.length,
    elapsedMs,
    sitesPerMinute: rate,
    exitCode,
  };
}

function problemEntry(p: ListProblem, crawlId: string): JournalEntry {
  return {
    crawl_id: crawlId,
    key: journalKey(p),
    status: p.kind,
    line: p.line,
    input: p.input,
    url: null,
    rank: null,
    visit_id: null,
    report: null,
    error: p.error,
    attempts: 0,
    attempt_errors: [],
    started_at: null,
    finished_at: new Date().toISOString(),
    duration_ms: null,
    findings: null,
    sizes: {},
  };
}

export type { ListEntry };
