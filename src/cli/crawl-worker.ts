// A crawl's site process: `crawl-site.ts` forks this file and sends it one site at a time (the URL and the check
// options); it answers with the report, or one line saying why there is none. Sites run in processes so that the
// crawl can end one that hangs or floods the browser for good: on SIGTERM, or when the crawl itself dies (the IPC
// channel closes), this process exits and puppeteer's exit hook kills the browsers it started.
import type { Report } from '../core/types.ts';
import { CheckError, type CheckOptions, check } from './check.ts';

export type WorkerRequest = { id: number; url: string; options: Omit<CheckOptions, 'progress'> };
export type WorkerReply =
  | { id: 0; type: 'ready' }
  | { id: number; type: 'report'; report: Report }
  | { id: number; type: 'error'; message: string }
  | { id: number; type: 'progress'; line: string };

function isRequest(value: unknown): value is WorkerRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { id?: unknown; url?: unknown; options?: unknown };
  return typeof v.id === 'number' && typeof v.url === 'string' && typeof v.options === 'object' && v.options !== null;
}

function reply(message: WorkerReply): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

process.on('SIGTERM', () => process.exit(143));
process.on('disconnect', () => process.exit(0));
// The engine is loaded (static imports above): from now on a site's time is the site's own.
void reply({ id: 0, type: 'ready' });
process.on('message', (message: unknown) => {
  if (!isRequest(message)) return;
  const { id } = message;
  check(message.url, { ...message.options, progress: (line) => void reply({ id, type: 'progress', line }) })
    .then((report) => reply({ id, type: 'report', report }))
    .catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      const line = error instanceof CheckError ? text : `the check could not run: ${text.split('\n')[0] ?? ''}`;
      return reply({ id, type: 'error', message: line });
    });
});
