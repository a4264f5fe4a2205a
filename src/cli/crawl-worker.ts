// One site of a crawl, in its own process: `crawl-site.ts` forks this file, sends the URL and the check options,
// and gets back the report (or one line saying why there is none). A process per site lets the crawl end a site
// that hangs or floods the browser for good: on SIGTERM, or when the crawl itself dies, this process exits and
// puppeteer's exit hook kills the browsers it started.
import type { Report } from '../core/types.ts';
import { CheckError, type CheckOptions, check } from './check.ts';

export type WorkerRequest = {
  url: string;
  options: Omit<CheckOptions, 'progress'>;
};
export type WorkerReply =
  | { type: 'report'; report: Report }
  | { type: 'error'; message: string }
  | { type: 'progress'; line: string };

function isRequest(value: unknown): value is WorkerRequest {
  return typeof value === 'object' && value !== null && typeof (value as { url?: unknown }).url === 'string';
}

function reply(message: WorkerReply): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

process.on('SIGTERM', () => process.exit(143));
process.on('disconnect', () => process.exit(1));
process.once('message', (message: unknown) => {
  if (!isRequest(message)) {
    void reply({
      type: 'error',
      message: 'bad request to the crawl worker',
    }).then(() => process.exit(1));
    return;
  }
  check(message.url, {
    ...message.options,
    progress: (line) => void reply({ type: 'progress', line }),
  })
    .then((report) => reply({ type: 'report', report }))
    .catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      const line = error instanceof CheckError ? text : `the check could not run: ${text.split('\n')[0] ?? ''}`;
      return reply({ type: 'error', message: line });
    })
    .finally(() => process.exit(0));
});
