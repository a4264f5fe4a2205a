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
