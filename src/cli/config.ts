// Reading `candor.config.json` for the commands: `--config PATH`, else `./candor.config.json` when it exists.
// An unreadable or invalid file is a ConfigError with one line (the command exits 2 with it).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CandorConfig, CONFIG_FILE, expectationsOf, parseConfig } from '../core/config.ts';
import type { FindingsOptions } from '../core/findings/index.ts';

export class ConfigError extends Error {}

export interface LoadedConfig {
  /** the file it came from, as given (or `candor.config.json`) */
  path: string;
  config: CandorConfig;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/**
 * The config at `path`, or `./candor.config.json` in `cwd` when no path is given and that file exists (else null).
 * Throws ConfigError naming the file and its first problem.
 */
export function loadConfig(path?: string, cwd: string = process.cwd()): LoadedConfig | null {
  const shown = path ?? CONFIG_FILE;
  const file = resolve(cwd, shown);
  if (path === undefined && !existsSync(file)) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new ConfigError(
      `cannot read the config ${shown}: ${code === 'ENOENT' ? 'no such file' : firstLine(error instanceof Error ? error.message : String(error))}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${shown}: not valid JSON: ${firstLine(error instanceof Error ? error.message : String(error))}`);
  }
  const { config, errors } = parseConfig(json);
  const [first] = errors;
  if (first !== undefined) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new ConfigError(`${shown}: ${first}${more}`);
  }
  return { path: shown, config };
}

/** The findings options a config sets: severity overrides and expectations (the classifier is the caller's). */
export function configFindingsOptions(config: CandorConfig | null | undefined): Pick<FindingsOptions, 'severity' | 'expectations'> {
  if (!config) return {};
  const expectations = expectationsOf(config);
  return {
    ...(config.severity ? { severity: config.severity } : {}),
    ...(expectations ? { expectations } : {}),
  };
}
