// `candor.config.json`: a site owner's pinned expectations for CI (third parties, purposes), severity overrides and
// defaults for `--fail-on`/`--phases`. Strict: an unknown key or a wrong type is an error naming its JSON path, so a
// typo never silently turns a check off.
import { parse } from 'tldts';
import type { FailOn } from './export/severity.ts';
import { FAIL_ON_VALUES } from './export/severity.ts';
import type { Expectations } from './findings/context.ts';
import { FINDING_KINDS, PHASES, PURPOSES, SEVERITIES } from './types.ts';
import type { FindingKind, Phase, Purpose, Severity } from './types.ts';

export const CONFIG_FILE = 'candor.config.json';

/** The phases a check can run (`browsing` is the popup's, not a check's). */
export const CHECK_PHASES: readonly Phase[] = PHASES.filter((p) => p !== 'browsing');

export interface CandorConfig {
  /** what the site is expected to do; each list is judged only when present */
  expect?: {
    /** registrable domains, or `*.example.com`; lower-cased */
    thirdParties?: string[];
    purposes?: Purpose[];
  };
  /** severity per finding kind (the kind never changes) */
  severity?: Partial<Record<FindingKind, Severity>>;
  /** default for `--fail-on` */
  failOn?: FailOn;
  /** default for `--phases` */
  phases?: Phase[];
}

export interface ParsedConfig {
  config: CandorConfig;
  /** one line each, `<json path>: <what is wrong>`; the config is only to be used when this is empty */
  errors: string[];
}

const TOP_KEYS = ['$schema', 'expect', 'severity', 'failOn', 'phases'] as const;
const EXPECT_KEYS = ['thirdParties', 'purposes'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function oneOf(values: readonly string[]): string {
  return values.join(', ');
}

function keyPath(path: string, key: string): string {
  const part = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return path === '' ? part : `${path}.${part}`;
}

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], path: string, errors: string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) errors.push(`${keyPath(path, key)}: unknown key (expected ${oneOf(allowed)})`);
  }
}

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** A host name or IPv4 address, optionally `*.`-prefixed, that names more than a public suffix. */
function domainProblem(entry: string): string | null {
  const domain = entry.replace(/^\*\./, '').replace(/\.$/, '');
  const labels = domain.split('.');
  const isIpv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(domain);
  if (!isIpv4 && !labels.every((label) => LABEL.test(label))) {
    return 'is not a domain (write a registrable domain such as "example.com", or "*.example.com")';
  }
  if (isIpv4) return entry.startsWith('*.') ? 'a wildcard cannot precede an IP address' : null;
  if (domain === 'localhost') return null;
  if (labels.length === 1) return 'is a top-level domain, not a registrable domain';
  if (parse(domain, { allowPrivateDomains: false }).domain === null) return 'is a public suffix, not a registrable domain';
  return null;
}

function stringList(value: unknown, path: string, errors: string[]): { item: string; path: string }[] | null {
  if (!Array.isArray(value)) {
    errors.push(`${path}: expected an array of strings, got ${typeName(value)}`);
    return null;
  }
  const items: { item: string; path: string }[] = [];
  value.forEach((item: unknown, index) => {
    const at = `${path}[${index}]`;
    if (typeof item === 'string') items.push({ item, path: at });
    else errors.push(`${at}: expected a string, got ${typeName(item)}`);
  });
  return items;
}

function parseThirdParties(value: unknown, path: string, errors: string[]): string[] | null {
  const items = stringList(value, path, errors);
  if (items === null) return null;
  const out: string[] = [];
  for (const { item, path: at } of items) {
    const entry = item.trim().toLowerCase();
    const problem = domainProblem(entry);
    if (problem !== null) errors.push(`${at}: ${show(item)} ${problem}`);
    else if (!out.includes(entry)) out.push(entry);
  }
  return out;
}

function parseEnumList<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  noun: string,
  errors: string[],
): T[] | null {
  const items = stringList(value, path, errors);
  if (items === null) return null;
  const out: T[] = [];
  for (const { item, path: at } of items) {
    const found = allowed.find((a) => a === item);
    if (found === undefined) errors.push(`${at}: ${show(item)} is not a ${noun} (expected ${oneOf(allowed)})`);
    else if (out.includes(found)) errors.push(`${at}: ${show(item)} is listed twice`);
    else out.push(found);
  }
  return out;
}

function parseExpect(value: unknown, errors: string[]): CandorConfig['expect'] | null {
  if (!isRecord(value)) {
    errors.push(`expect: expected an object, got ${typeName(value)}`);
    return null;
  }
  unknownKeys(value, EXPECT_KEYS, 'expect', errors);
  const expect: NonNullable<CandorConfig['expect']> = {};
  if ('thirdParties' in value) {
    const thirdParties = parseThirdParties(value.thirdParties, 'expect.thirdParties', errors);
    if (thirdParties !== null) expect.thirdParties = thirdParties;
  }
  if ('purposes' in value) {
    const purposes = parseEnumList(value.purposes, 'expect.purposes', PURPOSES, 'purpose', errors);
    if (purposes !== null) expect.purposes = purposes;
  }
  return expect;
}

function parseSeverity(value: unknown, errors: string[]): CandorConfig['severity'] | null {
  if (!isRecord(value)) {
    errors.push(`severity: expected an object of finding kind → severity, got ${typeName(value)}`);
    return null;
  }
  const severity: NonNullable<CandorConfig['severity']> = {};
  for (const [key, level] of Object.entries(value)) {
    const at = keyPath('severity', key);
    const kind = FINDING_KINDS.find((k) => k === key);
    if (kind === undefined) {
      errors.push(`${at}: unknown finding kind (see the kinds in findings.md, e.g. ${FINDING_KINDS[0]})`);
      continue;
    }
    const found = SEVERITIES.find((s) => s === level);
    if (found === undefined) errors.push(`${at}: ${show(level)} is not a severity (expected ${oneOf(SEVERITIES)})`);
    else severity[kind] = found;
  }
  return severity;
}

/** Validates a parsed `candor.config.json`. Every problem is reported, each with its JSON path. */
export function parseConfig(json: unknown): ParsedConfig {
  const errors: string[] = [];
  const config: CandorConfig = {};
  if (!isRecord(json)) return { config, errors: [`(top level): expected an object, got ${typeName(json)}`] };
  unknownKeys(json, TOP_KEYS, '', errors);
  if ('$schema' in json && typeof json.$schema !== 'string') {
    errors.push(`$schema: expected a string, got ${typeName(json.$schema)}`);
  }
  if ('expect' in json) {
    const expect = parseExpect(json.expect, errors);
    if (expect) config.expect = expect;
  }
  if ('severity' in json) {
    const severity = parseSeverity(json.severity, errors);
    if (severity) config.severity = severity;
  }
  if ('failOn' in json) {
    const failOn = FAIL_ON_VALUES.find((f) => f === json.failOn);
    if (failOn === undefined) errors.push(`failOn: ${show(json.failOn)} is not a level (expected ${oneOf(FAIL_ON_VALUES)})`);
    else config.failOn = failOn;
  }
  if ('phases' in json) {
    const phases = parseEnumList(json.phases, 'phases', CHECK_PHASES, 'phase', errors);
    if (Array.isArray(json.phases) && json.phases.length === 0) errors.push('phases: expected at least one phase');
    else if (phases !== null && phases.length > 0) config.phases = phases;
  }
  return { config, errors };
}

/** The findings engine's view of a config: its expectations, or undefined where none are pinned. */
export function expectationsOf(config: CandorConfig): Expectations | undefined {
  const expect = config.expect;
  if (!expect || (expect.thirdParties === undefined && expect.purposes === undefined)) return undefined;
  return {
    ...(expect.thirdParties !== undefined ? { thirdParties: expect.thirdParties } : {}),
    ...(expect.purposes !== undefined ? { purposes: expect.purposes } : {}),
  };
}
