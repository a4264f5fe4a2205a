// Runs `check()` for one crawl site in a child process (crawl-worker.ts) under a time limit. On time-out the child
// gets SIGTERM (it exits and its browsers are killed with it), then SIGKILL if it is still there 5 s later.
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

const running = new Set<ChildProcess>();

/** Ends every site process still running (the crawl is being stopped); SIGTERM lets each kill its browsers. */
export function stopAllSites(): void {
  for (const child of running) child.kill('SIGTERM');
}

export type RunSite = (url: string, options: Omit<CheckOptions, 'progress'>, timeoutMs: number) => Promise<Report>;

export const runSiteInChild: RunSite = (url, options, timeoutMs) =>
  new Promise<Report>((resolve, reject) => {
    const child = fork(WORKER, [], {
      execArgv: ['--import', TSX_LOADER],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    running.add(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    let settled = false;
    const finish = (outcome: { report: Report } | { error: string }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if ('report' in outcome) resolve(outcome.report);
      else reject(new Error(outcome.error));
    };
    const timer = setTimeout(() => {
      finish({ error: `timed out after ${timeoutMs} ms` });
      child.kill('SIGTERM');
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }, KILL_GRACE_MS).unref();
    }, timeoutMs);
    child.on('message', (message: WorkerReply) => {
      if (message.type === 'report') finish({ report: message.report });
      else if (message.type === 'error') finish({ error: message.message });
    });
    child.on('error', (error) => finish({ error: `the site process failed: ${error.message}` }));
    child.on('exit', (code, signal) => {
      running.delete(child);
      const last = stderr.trim().split('\n').pop() ?? '';
      finish({
        error: `the site process ended (${signal ?? `exit ${code}`}) without a report${last ? `: ${last}` : ''}`,
      });
    });
    child.send({ url, options });
  });
