// The options `check` and `crawl` share (../shared/spec/cli.md, "Options (both commands)"), for node:util parseArgs.
export const COMMON_OPTIONS = {
  browser: { type: 'string' },
  'browser-path': { type: 'string' },
  phases: { type: 'string' },
  gpc: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  'fail-on': { type: 'string' },
  proxy: { type: 'string' },
  'map-hosts-to': { type: 'string' },
  insecure: { type: 'boolean' },
  timeout: { type: 'string' },
  settle: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The one line a usage error prints (cli.md: "one clear line on stderr saying which"). */
export function usageLine(message: string): string {
  return `candor: ${message} (candor --help shows the usage)\n`;
}

/** node:util parseArgs errors, said plainly: `unknown option --bogus`, `--format needs a value`. */
export function parseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${/'([^']+)'/.exec(message)?.[1] ?? message}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /'(-[^' <]+)/.exec(message)?.[1];
    if (option && message.includes('argument missing')) return `${option} needs a value`;
    if (option && message.includes('does not take an argument')) return `${option} takes no value`;
  }
  return message.split('\n')[0] ?? message;
}

/**
 * `--proxy`: `http://host:port`, `host:port` or `http://host` (port 80); IPv6 hosts in brackets. Null when it is no
 * HTTP proxy address.
 */
export function parseProxy(value: string): { host: string; port: number } | null {
  const text = value.trim();
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || url.hostname === '' || url.pathname.length > 1 || url.search !== '') return null;
  const port = url.port === '' ? 80 : Number(url.port);
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port };
}
