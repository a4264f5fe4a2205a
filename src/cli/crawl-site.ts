// Runs `check()` for one crawl site in a site process (crawl-worker.ts) under a time limit. A process serves one
// site at a time and is reused for the next (starting Node with the TypeScript loader and the engine takes
// seconds); one that timed out or died is never reused: on time-out it gets SIGTERM (it exits, and its browsers
// are killed with it), then SIGKILL if it is still there 5 s later.
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Report } from '../core/types.ts';
import type { CheckOptions } from './check.ts';
import type { WorkerReply } from './crawl-worker.ts';

const WORKER = fileURLToPath(new URL('./crawl-worker.ts', import.meta.url));
// The worker is TypeScript: run it through tsx's loader, as bin/candor.js does for the CLI.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const KILL_GRACE_MS = 5000;
/** how long a new site process may take to load the engine (not counted in the site's time) */
const START_LIMIT_MS = 120_000;
/** sites one process checks before a fresh one takes over (bounds any slow leak) */
const SITES_PER_PROCESS = 25;

interface SiteProcess {
  child: ChildProcess;
  stderr: string;
  sites: number;
  /** resolves when the process has loaded the engine; rejects when it dies or takes too long first */
  ready: Promise<void>;
}

const all = new Set<SiteProcess>();
const idle: SiteProcess[] = [];
let requests = 0;

function spawnProcess(): SiteProcess {
  const child = fork(WORKER, [], {
    execArgv: ['--import', TSX_LOADER],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let stderr = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the site process did not start within ${START_LIMIT_MS} ms`)),
      START_LIMIT_MS,
    );
    const onMessage = (message: WorkerReply): void => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const last = stderr.trim().split('\n').pop() ?? '';
      reject(new Error(`the site process could not start (${signal ?? `exit ${code}`})${last ? `: ${last}` : ''}`));
    });
  });
  ready.catch(() => undefined);
  const p: SiteProcess = { child, stderr: '', sites: 0, ready };
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    p.stderr = stderr;
  });
  child.on('exit', () => {
    all.delete(p);
    const at = idle.indexOf(p);
    if (at >= 0) idle.splice(at, 1);
  });
  all.add(p);
  return p;
}

function kill(p: SiteProcess): void {
  p.child.kill('SIGTERM');
  setTimeout(() => {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  }, KILL_GRACE_MS).unref();
}

function release(p: SiteProcess): void {
  if (p.sites >= SITES_PER_PROCESS || !p.child.connected) {
    all.delete(p);
    if (p.child.connected) p.child.disconnect(); // it exits once its channel closes
    return;
  }
  idle.push(p);
}

/** Lets idle site processes exit (the crawl is done); without it their IPC channels keep Node running. */
export function closeSiteProcesses(): void {
  for (const p of idle.splice(0)) {
    all.delete(p);
    if (p.child.connected) p.child.disconnect();
  }
}

/** Ends every site process (the crawl is being stopped); SIGTERM lets each kill its browsers. */
export function stopAllSites(): void {
  for (const p of all) p.child.kill('SIGTERM');
}

export type RunSite = (url: string, options: Omit<CheckOptions, 'progress'>, timeoutMs: number) => Promise<Report>;

export const runSiteInChild: RunSite = async (url, options, timeoutMs) => {
  const p = idle.pop() ?? spawnProcess();
  try {
    await p.ready;
  } catch (error) {
    kill(p);
    throw error;
  }
  return new Promise<Report>((resolve, reject) => {
    const id = ++requests;
    p.sites++;
    let settled = false;
    const finish = (outcome: { report: Report } | { error: string }, reusable: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      p.child.off('message', onMessage);
      p.child.off('exit', onExit);
      p.child.off('error', onError);
      if (reusable) release(p);
      if ('report' in outcome) resolve(outcome.report);
      else reject(new Error(outcome.error));
    };
    const onMessage = (message: WorkerReply): void => {
      if (message.id !== id) return;
      if (message.type === 'report') finish({ report: message.report }, true);
      else if (message.type === 'error') finish({ error: message.message }, true);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      const last = p.stderr.trim().split('\n').pop() ?? '';
      finish({ error: `the site process ended (${signal ?? `exit ${code}`}) without a report${last ? `: ${last}` : ''}` }, false);
    };
    const onError = (error: Error): void => {
      finish({ error: `the site process failed: ${error.message}` }, false);
      kill(p);
    };
    const timer = setTimeout(() => {
      finish({ error: `timed out after ${timeoutMs} ms` }, false);
      kill(p);
    }, timeoutMs);
    p.child.on('message', onMessage);
    p.child.on('exit', onExit);
    p.child.on('error', onError);
    p.child.send({ id, url, options });
  });
};
