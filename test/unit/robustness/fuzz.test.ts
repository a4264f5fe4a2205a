// Seeded robustness ("fuzz") tests for the pure parsers in src/core that read what a page or a server controls.
// Each parser starts from valid inputs (the fixtures and the examples of the other unit tests), which are then
// mutated: characters flipped, inserted and deleted, inputs cut short, duplicated and spliced together, hostile tokens
// (markup, NUL, lone surrogates, broken percent-encoding, `__proto__`, 100k-character runs, 10,000-level JSON) put in,
// and object inputs given wrong types. What is asserted is only what the code promises: it does not throw, its result
// is plain JSON data, a documented invalid shape for garbage, and the length bounds its comments state. Nothing is
// timed here (speed is the bench's business); a parser that is not about linear on hostile text shows as this file
// running into vitest's timeout. Counted loops also check that enough mutated
// inputs still get past the first rejection, so the fuzzing keeps reaching the code behind it.
// Deterministic: iteration i of a fuzz loop uses its own PRNG seeded from (seed, i), so a failure names the seed and
// iteration to replay, with the input (cut short). Runs in a few seconds: `npx vitest run --project unit <this file>`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { GppModel } from '@iabgpp/cmpapi';
import { describe, expect, test } from 'vitest';
import { classifyCookie, classifyStorageKey } from '../../../src/core/cookies/classify-cookie.ts';
import { parseCookieDate } from '../../../src/core/cookies/parse-cookie-date.ts';
import { MAX_NAME_VALUE, parseSetCookie, splitSetCookieHeaders } from '../../../src/core/cookies/parse-set-cookie.ts';
import { cappedString, DEFAULT_LIMITS, type JsonLimits, toBoundedJson } from '../../../src/core/declared/bounded-json.ts';
import { CMP_READERS, type CmpInput, readCmps } from '../../../src/core/declared/cmp/index.ts';
import { nameFromPattern, nameFromText } from '../../../src/core/declared/cmp/declarations.ts';
import { parseLiteral } from '../../../src/core/declared/cmp/cookiebot.ts';
import { isSessionRetention, parseRetention } from '../../../src/core/declared/cmp/retention.ts';
import { fromCommands, fromIcs, readConsentMode } from '../../../src/core/declared/consent-mode.ts';
import { readDpv } from '../../../src/core/declared/dpv.ts';
import { parseGcd, parseGcs, readGoogleConsentParams } from '../../../src/core/declared/google-consent-params.ts';
import { readGpcWellKnown } from '../../../src/core/declared/gpc-well-known.ts';
import { decodeGpp, readGpp } from '../../../src/core/declared/gpp.ts';
import type { PageCookie, WellKnownFetch } from '../../../src/core/declared/input.ts';
import { isoDurationSeconds, unitDurationSeconds } from '../../../src/core/declared/iso-duration.ts';
import { collectContext, expand, nodes, parseJsonLd } from '../../../src/core/declared/json-ld.ts';
import { readP3p } from '../../../src/core/declared/p3p.ts';
import { findPolicyLink, isPolicyText, resolve } from '../../../src/core/declared/policy-link.ts';
import { readDeclared } from '../../../src/core/declared/read-declared.ts';
import { schemaOrgPolicyUrl } from '../../../src/core/declared/schema-org.ts';
import { type ApiResult, isPageSnapshot, SNAPSHOT_CAPS, sanitizeSnapshot } from '../../../src/core/declared/snapshot.ts';
import { decodeTcString, readTcf } from '../../../src/core/declared/tcf.ts';
import { decodeUspString, readUsp } from '../../../src/core/declared/usp.ts';
import { CSV_TABLES, FORMATS, formatCsv, formatReport, toNdjson, toTables } from '../../../src/core/export/index.ts';
import { looksLikeIdentifier, shannonEntropy } from '../../../src/core/identifier-value.ts';
import { decodeByteString } from '../../../src/core/observe/byte-string.ts';
import { classifyRequest, hostnameOf } from '../../../src/core/observe/classify-request.ts';
import { bodyIdentifierKeys, identifierParams, summarizeSent } from '../../../src/core/observe/sent-data.ts';
import { cookieSite, hostOf, isNetworkUrl, partyOf, siteOf } from '../../../src/core/party.ts';
import type { DeclaredCookie, Report } from '../../../src/core/types.ts';
import { loadReport, parseXml } from '../export/helpers.ts';
import { tcString } from '../declared/tc-strings.ts';

// ---------------------------------------------------------------------------------------------------------------
// The PRNG and the mutators

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** 0 ≤ n < max */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }
}

const LONG = {
  letters: 'A'.repeat(100_001),
  spaces: ' '.repeat(100_001),
  digits: '9'.repeat(100_001),
  percent: '%'.repeat(100_001),
  pairs: 'a=1&'.repeat(25_001),
  commas: 'x,'.repeat(50_001),
  colons: ':'.repeat(100_001),
};
const DEEP_ARRAY_TEXT = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const DEEP_OBJECT_TEXT = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;

/** Deep-frozen values shared by every case (built once: they are costly); the mutator never looks inside them. */
const SHARED = new WeakSet<object>();
function shared<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const child of Object.values(v)) stack.push(child);
  }
  SHARED.add(value as object);
  return value;
}
const DEEP_ARRAY = shared(JSON.parse(DEEP_ARRAY_TEXT) as unknown[]);
const DEEP_OBJECT = shared(JSON.parse(DEEP_OBJECT_TEXT) as Record<string, unknown>);
const BIG_ARRAY = shared(Array.from({ length: 5000 }, (_, i) => (i % 2 ? 'x' : i)));
const BIG_OBJECT = shared(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i])));

/** Hostile pieces spliced into strings. */
const TOKENS: readonly string[] = [
  '<img src=x onerror=alert(1)>', '<script>', '-->', '<!--', '\u0000', '\ud800', '\udc00', '\udbff\udfff', '\ufffe', '\uffff',
  '\u202e', '\u2066', '\ufeff', '\u001b[31m', '\x7f', '\x85', '%', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%25', '%3D', '%7B',
  '%00', '%%', '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '1e309', '-1e309', '-0',
  'NaN', 'Infinity', '9007199254740993', '-1', '0', '00', '1.5', '1,5', '"', "'", '\\', '\\u0000', '{', '}', '[', ']', ':',
  ',', ';', '=', '&', '~', '.', '#', '?', '/', '//', '@', '+', '*', '^', '$', '|', '(', ')', '-', '_', '\n', '\r\n', '\r',
  '\t', ' ', '\u00a0', '\u2028', 'null', 'true', 'false', '{}', '[]', '""', 'é', 'e\u0301', '☃', '😀', '\ud83d', 'İ', 'ß',
  'Ａ', 'javascript:alert(1)', 'http://', 'https://', 'data:,x', 'blob:', 'file:///etc/passwd', '[::1]', 'xn--', '..',
  'localhost', '127.0.0.1', 'C', 'D', 'P', 'T', 'Y', 'M', 'W', 'S', 'H', 'G1', 'Z', '+01:00',
];
const LONG_TOKENS = Object.values(LONG);

/** A random character: mostly printable ASCII, sometimes anything up to U+FFFF (lone surrogates included). */
function randomChar(rng: Rng): string {
  const r = rng.next();
  if (r < 0.7) return String.fromCharCode(32 + rng.int(95));
  if (r < 0.8) return String.fromCharCode(rng.int(32));
  if (r < 0.9) return String.fromCharCode(0x80 + rng.int(0x780));
  return String.fromCharCode(rng.int(0x10000));
}

/**
 * One to four mutations of `seed`: flip, insert or delete characters, truncate, duplicate a slice, splice in a
 * hostile token or a slice of another valid input (`donors`), or (rarely) a 100k-character run.
 */
function mutateString(rng: Rng, seed: string, donors: readonly string[] = []): string {
  let s = seed;
  const count = 1 + rng.int(4);
  for (let n = 0; n < count; n++) {
    const at = rng.int(s.length + 1);
    switch (rng.int(11)) {
      case 0:
        s = s.slice(0, at) + randomChar(rng) + s.slice(at + 1);
        break;
      case 1:
        s = s.slice(0, at) + randomChar(rng) + s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + s.slice(at + 1 + rng.int(8));
        break;
      case 3:
        s = s.slice(0, at);
        break;
      case 4: {
        const end = at + rng.int(Math.max(1, s.length - at));
        s = s.slice(0, end) + s.slice(at, end) + s.slice(end);
        break;
      }
      case 5:
      case 6:
        s = s.slice(0, at) + rng.pick(TOKENS) + s.slice(rng.chance(0.5) ? at : at + 1);
        break;
      case 7:
        if (donors.length > 0) {
          const donor = rng.pick(donors);
          const from = rng.int(donor.length + 1);
          s = s.slice(0, at) + donor.slice(from, from + rng.int(donor.length - from + 1)) + s.slice(at);
        }
        break;
      case 8:
        s = rng.chance(0.5) ? s.toUpperCase() : s.toLowerCase();
        break;
      case 9:
        s = rng.chance(0.5) ? encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '')) : s.replace(/%/g, '%25');
        break;
      default:
        if (rng.chance(0.15)) s = s.slice(0, at) + rng.pick(LONG_TOKENS) + s.slice(at);
        else s = s.slice(0, at) + rng.pick(TOKENS) + rng.pick(TOKENS) + s.slice(at);
        break;
    }
  }
  return s;
}

/** A seed, mutated (most of the time) or a bare hostile value. */
function fuzzString(rng: Rng, seeds: readonly string[]): string {
  const r = rng.next();
  if (r < 0.05) return rng.pick(TOKENS);
  if (r < 0.07) return rng.pick(LONG_TOKENS);
  if (r < 0.08) return rng.chance(0.5) ? DEEP_ARRAY_TEXT : DEEP_OBJECT_TEXT;
  if (r < 0.1) return '';
  if (r < 0.14) {
    // a 100k-character run inside a valid input: what length caps and linear-time parsing are for
    const seed = rng.pick(seeds);
    const at = rng.int(seed.length + 1);
    return mutateString(rng, seed.slice(0, at) + rng.pick(LONG_TOKENS) + seed.slice(at), seeds);
  }
  return mutateString(rng, rng.pick(seeds), seeds);
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'length', '', ' ', '@context', '@id', '@type', '0', '-1'];

/** A wrong-typed or oversized JSON value (what a page can put anywhere). */
function hostileJson(rng: Rng): unknown {
  switch (rng.int(16)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([0, -0, -1, 1, 1.5, 1e308, -1e308, 5e-324, 2 ** 53 + 2, 2 ** 31, -(2 ** 53)]);
    case 3:
      return '';
    case 4:
      return rng.pick(TOKENS);
    case 5:
      return rng.pick(LONG_TOKENS);
    case 6:
      return [];
    case 7:
      return {};
    case 8:
      return DEEP_ARRAY;
    case 9:
      return DEEP_OBJECT;
    case 10:
      return BIG_ARRAY;
    case 11:
      return BIG_OBJECT;
    case 12:
      // JSON.parse keeps `__proto__` as an own key, as a page's JSON text would
      return JSON.parse('{"__proto__":{"polluted":true,"toString":"x"},"constructor":{"prototype":{"x":1}},"valueOf":1}');
    case 13:
      return [null, [], {}, '', 0, false];
    case 14:
      return { toString: 'not a function', valueOf: {}, length: -1 };
    default:
      return [rng.pick(TOKENS), rng.pick(TOKENS)];
  }
}

/** Values no JSON text holds, and objects that throw from every corner: for the guards that take any value at all. */
function hostileObject(rng: Rng): unknown {
  switch (rng.int(13)) {
    case 0: {
      const o: Record<string, unknown> = { a: 1 };
      Object.defineProperty(o, 'url', { enumerable: true, get: () => { throw new Error('getter'); } });
      Object.defineProperty(o, 'b', { enumerable: true, get: () => { throw new Error('getter'); } });
      return o;
    }
    case 1:
      return new Proxy({}, { get: () => { throw new Error('proxy get'); }, ownKeys: () => { throw new Error('proxy ownKeys'); } });
    case 2:
      return new Proxy([1, 2, 3], { get: () => { throw new Error('proxy get'); } });
    case 3: {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }
    case 4:
      return { toString: () => { throw new Error('toString'); }, valueOf: () => { throw new Error('valueOf'); }, [Symbol.toPrimitive]: () => { throw new Error('toPrimitive'); } };
    case 5: {
      const a: Record<string, unknown> = { x: 1 };
      a.self = a;
      a.list = [a, a];
      return a;
    }
    case 6:
      return rng.pick([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0]);
    case 7:
      return rng.pick([10n, Symbol('s'), () => 1, undefined]);
    case 8:
      return new Map([['a', 1]]);
    case 9:
      return new Date(Number.NaN);
    case 10:
      return Object.create(null);
    case 11:
      return Object.assign(Object.create({ inherited: 'x', url: 'https://inherited.example/' }), { own: 1 });
    default: {
      const sparse: unknown[] = [];
      sparse[20] = 'x';
      return sparse;
    }
  }
}

/** JSON text of a mutated tree; the 10,000-level values, too deep for JSON.stringify, and cycles give the deep text. */
function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return DEEP_OBJECT_TEXT;
  }
}

/** Every [container, key] of a JSON tree, breadth-first, bounded; hostile objects already put in are leaves. */
function slots(root: unknown, max = 2000): [Record<string, unknown> | unknown[], string | number][] {
  const out: [Record<string, unknown> | unknown[], string | number][] = [];
  const queue: unknown[] = [root];
  while (queue.length > 0 && out.length < max) {
    const value = queue.shift();
    if (typeof value !== 'object' || value === null || SHARED.has(value) || util.types.isProxy(value)) continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && out.length < max; i++) {
        out.push([value, i]);
        queue.push(value[i]);
      }
    } else if (Object.getPrototypeOf(value) === Object.prototype) {
      for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
        if (out.length >= max) break;
        if (!descriptor.enumerable || !('value' in descriptor)) continue;
        out.push([value as Record<string, unknown>, key]);
        queue.push(descriptor.value);
      }
    }
  }
  return out;
}

interface TreeOptions {
  /** also put in values no JSON text holds (throwing getters, proxies, cycles, NaN, bigint, …) */
  objects?: boolean;
  /** strings spliced into string leaves */
  donors?: readonly string[];
}

/** Whether a value already in the tree is a container the mutator may look into (not a proxy or an exotic object). */
function plainContainer(value: unknown): 'array' | 'object' | null {
  if (typeof value !== 'object' || value === null || SHARED.has(value) || util.types.isProxy(value)) return null;
  if (Array.isArray(value)) return 'array';
  return Object.getPrototypeOf(value) === Object.prototype ? 'object' : null;
}

/** A copy of the JSON value `seed` with one to five mutations at random places in the tree. */
function mutateTree(rng: Rng, seed: unknown, options: TreeOptions = {}): unknown {
  const root: { v: unknown } = { v: JSON.parse(JSON.stringify(seed)) };
  const count = 1 + rng.int(5);
  for (let n = 0; n < count; n++) {
    const all = slots(root);
    if (all.length === 0) break;
    const [container, key] = rng.pick(all);
    const current = (container as Record<string | number, unknown>)[key];
    const kind = plainContainer(current);
    const set = (value: unknown): void => {
      (container as Record<string | number, unknown>)[key] = value;
    };
    const r = rng.next();
    if (typeof current === 'string' && r < 0.45) set(mutateString(rng, current, options.donors));
    else if (r < 0.6) set(options.objects && rng.chance(0.4) ? hostileObject(rng) : hostileJson(rng));
    else if (r < 0.68 && !Array.isArray(container)) {
      delete (container as Record<string, unknown>)[key as string];
    } else if (r < 0.76 && kind === 'object') {
      const object = current as Record<string, unknown>;
      const name = rng.chance(0.5) ? rng.pick(HOSTILE_KEYS) : mutateString(rng, rng.pick(Object.keys(object).concat('k')));
      Object.defineProperty(object, name, { value: hostileJson(rng), enumerable: true, configurable: true, writable: true });
    } else if (r < 0.82) set([current]);
    else if (r < 0.88) {
      // another node's value (a primitive, or an empty container: a reference could close a cycle)
      const [other, otherKey] = rng.pick(all);
      const value = (other as Record<string | number, unknown>)[otherKey];
      const otherKind = plainContainer(value);
      set(otherKind === 'array' ? [] : otherKind === 'object' ? {} : value);
    } else if (r < 0.94 && kind === 'array') set([...(current as unknown[]), ...(current as unknown[])]);
    else if (typeof current === 'number') set(rng.pick([-current, current * 1e300, current + 0.5, String(current)]));
    else if (typeof current === 'string') set(Number(current) || current.length);
    else set(kind === null ? String(typeof current) : stringify(current));
  }
  return root.v;
}

// ---------------------------------------------------------------------------------------------------------------
// Running and checking

function show(value: unknown): string {
  let text: string;
  try {
    text =
      typeof value === 'string'
        ? JSON.stringify(value)
        : (JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function' ? String(v) : v)) ??
          String(value));
  } catch {
    text = '<not printable>';
  }
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} characters)` : text;
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Each counted loop must get more cases than this past the parser's first rejection (see fuzz()); these seeds give 23 to 336. */
const REACHED = 10;
/** The fuzz loops are synchronous: a test's own timeout fires only once the loop is over, so it is set well above. */
const TEST_TIMEOUT_MS = 60_000;

/**
 * Runs `iterations` cases: `generate` builds an input from the iteration's own PRNG, `check` runs the parser on it
 * and asserts. A failure names the seed and iteration and shows the input. Returns how
 * many checks returned true: the cases that got past the parser's first rejection, which the tests count so that the
 * mutations keep reaching the code behind it.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a check returns nothing or whether the case reached the deep path
function fuzz<T>(name: string, seed: number, iterations: number, generate: (rng: Rng) => T, check: (input: T) => boolean | void): number {
  let reached = 0;
  for (let i = 0; i < iterations; i++) {
    const input = generate(new Rng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0));
    try {
      if (check(input) === true) reached++;
    } catch (error) {
      throw new Error(`${name}: seed ${seed}, iteration ${i}: ${message(error)}\ninput: ${show(input)}`);
    }
  }
  return reached;
}

/** Calls `fn`, turning a throw into a failure that says so (rather than an assertion's message). */
function call<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new Error(`${what} threw ${message(error)}`);
  }
}

/** Why `value` is not plain JSON data (what JSON.stringify would lose, change or refuse); null when it is. */
function jsonProblem(value: unknown, path = '$', seen: Set<object> = new Set(), depth = 0): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is ${value}`;
  if (typeof value !== 'object') return `${path} is a ${typeof value}`;
  if (depth > 200) return `${path} is nested deeper than 200 levels`;
  if (seen.has(value)) return `${path} is a cycle`;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (value[i] === undefined) return `${path}[${i}] is undefined`;
        const problem = jsonProblem(value[i], `${path}[${i}]`, seen, depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return `${path} is a ${proto?.constructor?.name ?? 'non-plain object'}`;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      // an undefined member is dropped by JSON, as intended where the code leaves an optional field out
      if (item === undefined) continue;
      const problem = jsonProblem(item, `${path}.${key}`, seen, depth + 1);
      if (problem) return problem;
    }
    return null;
  } finally {
    seen.delete(value);
  }
}

function expectJson(value: unknown): void {
  const problem = jsonProblem(value);
  if (problem !== null) throw new Error(`result is not plain JSON: ${problem}`);
  expect(() => JSON.stringify(value)).not.toThrow();
}

function expectMaxLength(value: unknown, max: number, what: string): void {
  if (typeof value === 'string' && value.length > max) throw new Error(`${what} is ${value.length} characters, more than ${max}`);
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\//.test(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Seeds

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const fixtureText = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');

const PAGE = 'https://www.news.example/world/article-1';
const URL_SEEDS = [
  PAGE,
  'https://shop.example/account/login?next=%2Fcart#top',
  'https://region1.google-analytics.com/g/collect?v=2&tid=G-X&cid=1234567890.1700000000&gcs=G101&gcd=11p1p1p1p5&en=page_view',
  'https://www.googleadservices.com/pagead/conversion?gcs=G100&gcd=13l3v3l3l1',
  'https://www.facebook.com/tr/?id=123&ev=PageView&fbp=fb.1.1700000000000.1234567890',
  'http://[::1]:8080/a/b?x=1',
  'https://alice.github.io/x',
  'https://user:pass@sub.shop.example.co.uk:443/p?q=a+b&r=%E2%98%83',
  'wss://socket.example/ws',
  'data:text/plain,hello',
  '/relative/path?x=1',
  'example.com',
];

const TC_SEEDS: string[] = [
  ...(JSON.parse(fixtureText('declared/tc-strings.json')) as { tcString: string }[]).map((t) => t.tcString),
  tcString({ consents: [1, 2, 3, 4, 7, 8, 9, 10] }),
  tcString({ consents: [], legitimateInterests: [2, 7, 8, 9, 10], purposeOneTreatment: true }),
  tcString({ consents: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], policyVersion: 2 }),
];

function gppString(sections: Record<string, Record<string, unknown>>, tc?: string): string {
  const model = new GppModel();
  if (tc) model.decodeSection('tcfeuv2', tc);
  for (const [section, fields] of Object.entries(sections)) {
    for (const [field, value] of Object.entries(fields)) model.setFieldValue(section, field, value);
  }
  return model.encode();
}

const GPP_SEEDS: string[] = [
  'DBABLA~CAAqAAAAAABA.YA',
  'DBABLA~BVQqAAAAAgA.QA',
  'DBABLA',
  gppString({ usnat: { SaleOptOut: 1, SharingOptOut: 1, TargetedAdvertisingOptOut: 1 } }),
  gppString({ usca: { SaleOptOut: 2, SharingOptOut: 2, Gpc: true } }),
  gppString({ uspv1: { Notice: 'Y', OptOutSale: 'Y', LspaCovered: 'N' } }),
  gppString({ usnat: { SaleOptOut: 2 }, usva: { SaleOptOut: 1 } }),
  gppString({}, TC_SEEDS[0]),
];
const USP_SEEDS = ['1YNN', '1YYY', '1---', '1NYN', '1yny', ' 1YNN '];
const P3P_SEEDS = [
  'CP="NOI DSP COR NID CURa ADMa DEVa PSAa PSDa IVAi CONo OUR SAMi BUS COM NAV INT STA"',
  'policyref="/w3c/p3p.xml", CP="CAO PSA OUR"',
  'CP="This is not a P3P policy!"',
  'CP=CAO PSA OUR',
  'CP=""',
  'policyref="https://shop.example/p3p.xml"',
];
const GCS_GCD_SEEDS = ['G100', 'G111', 'G1--', '11p1p1p1p5', '13l3v3l3l1', '11r1r1r1r5', '13t3t3l3l5', 'zz'];
const DURATION_SEEDS = ['P14D', 'P1Y6M', 'PT12H', 'P2W', 'P1,5Y', 'PT0S', 'P13M', 'P1DT2H3M4.5S', 'p1y'];
const RETENTION_SEEDS = ['1 year', '13 months', 'Session', '365', '2 Jahre', 'P1Y', '180 days after last activity or 10 years', 'a year', 'Persistent', 'End of session (browser)', '1.5 Tage', '30 minutes', '2 år'];
const COOKIE_NAME_SEEDS = ['_ga', '_ga_ABC123', '_gid', '_fbp', 'IDE', 'sid', 'PHPSESSID', '__Host-id', '__Secure-x', 'cc_cookie', 'OptanonConsent', '_hjSessionUser_123', 'lang', 'test_cookie', 'euconsent-v2', '_pk_id.1.abcd'];
const COOKIE_VALUE_SEEDS = ['GA1.2.1234567890.1700000000', 'fb.1.1700000000000.1234567890', 'true', 'de-DE', 'a3f9c2e1b7d84f06', '1700000000', '%7B%22a%22%3A1%7D', ''];
const PATTERN_SEEDS = ['^_ga', '^_ga_.*', '^_pk_id\\..*$', '^_hjSession_\\d+$', '^_ga(_.*)?', '_gid', '^(a|b)$', '_pk_*', '_ga_#', '#x', 'name'];
const DATE_SEEDS = ['Wed, 21 Oct 2015 07:28:00 GMT', 'Wednesday, 21-Oct-15 07:28:00 GMT', 'Oct 21 07:28:00 2015', 'Fri Jan  2 00:00:00 2026', 'Thu, 01 Jan 1970 00:00:00 GMT', '31 Feb 2026 00:00:00'];

const setCookieCases = JSON.parse(fixtureText('cookies/set-cookie-cases.json')) as { now: number; cases: { header: string; url: string }[] };
const SET_COOKIE_SEEDS = setCookieCases.cases.map((c) => c.header);
const SET_COOKIE_URLS = [...new Set(setCookieCases.cases.map((c) => c.url)), ...URL_SEEDS];

const GPC_BODIES = readdirSync(join(FIXTURES, 'declared/gpc')).map((f) => fixtureText(`declared/gpc/${f}`));
const JSON_LD_SEEDS = [
  ...readdirSync(join(FIXTURES, 'declared/dpv')).map((f) => fixtureText(`declared/dpv/${f}`)),
  '{"@context":"https://schema.org","@type":"WebPage","name":"Privacy Policy","url":"/privacy"}',
  '{"@context":{"dpv":"https://w3id.org/dpv#","time":"http://www.w3.org/2006/time#"},"@type":"dpv:Process","dpv:hasStorageCondition":{"time:numericDuration":13,"time:unitType":"time:unitMonth"}}',
];
/** Context terms the mutator writes into `@context`: prefixes, terms and the shapes expand() treats specially. */
const CONTEXT_TERMS = ['dpv', 'pd', 'x', 'a:b', ':', ':x', 'dpv:x', '@vocab', '@base', 'https://w3id.org/dpv#', 'http://www.w3.org/ns/dpv#', 'hasPurpose', ''];

const SNAPSHOT_SEEDS: unknown[] = [
  JSON.parse(fixtureText('declared/snapshot-news-site.json')),
  JSON.parse(fixtureText('declared/snapshot-hostile.json')),
];

interface CmpFixture {
  input: { cookies: Record<string, string>; storage: Record<string, string>; globals: Record<string, unknown>; scripts: string[] };
}
const CMP_FIXTURES: CmpFixture['input'][] = readdirSync(join(FIXTURES, 'declared/cmp')).flatMap((cmp) =>
  readdirSync(join(FIXTURES, 'declared/cmp', cmp))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => (JSON.parse(fixtureText(`declared/cmp/${cmp}/${f}`)) as CmpFixture).input),
);
const CMP_STRINGS = CMP_FIXTURES.flatMap((f) => [...Object.values(f.cookies), ...Object.values(f.storage)]);

/** A CMP fixture's input with its cookie and storage values, globals and scripts mutated, as the readers get it. */
function fuzzCmpInput(rng: Rng): CmpInput {
  const seed = rng.pick(CMP_FIXTURES);
  const cookies: PageCookie[] = Object.entries(seed.cookies).map(([name, value]) => ({
    name: rng.chance(0.1) ? mutateString(rng, name) : name,
    value: rng.chance(0.6) ? fuzzString(rng, [value, ...CMP_STRINGS.slice(0, 3)]) : value,
    domain: '.shop.example',
  }));
  if (rng.chance(0.2)) cookies.push({ ...(cookies[0] ?? { name: 'CookieConsent', domain: '.shop.example' }), value: fuzzString(rng, CMP_STRINGS) });
  const storage = Object.fromEntries(
    Object.entries(seed.storage).map(([k, v]) => [k, rng.chance(0.6) ? fuzzString(rng, [v, ...CMP_STRINGS.slice(0, 3)]) : v]),
  );
  // globals reach the readers as the snapshot guard's bounded copy
  const globals = rng.chance(0.7) ? mutateTree(rng, seed.globals, { donors: CMP_STRINGS }) : seed.globals;
  const bounded = toBoundedJson(globals);
  const scripts = seed.scripts.map((s) => (rng.chance(0.2) ? mutateString(rng, s, URL_SEEDS) : s));
  return {
    cookies,
    storage,
    globals: bounded !== null && typeof bounded === 'object' && !Array.isArray(bounded) ? (bounded as Record<string, unknown>) : {},
    scripts,
  };
}

function api(data: unknown, rng: Rng): ApiResult {
  const result: ApiResult = { present: rng.chance(0.9), answered: rng.chance(0.85) };
  const bounded = toBoundedJson(data);
  if (bounded !== undefined) result.data = bounded;
  if (rng.chance(0.2)) result.error = fuzzString(rng, ['no answer within 2500 ms']).slice(0, 500);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// The fuzz tests

describe('fuzz: consent strings', { timeout: TEST_TIMEOUT_MS }, () => {
  test('decodeTcString: never throws; garbage gets the invalid shape; detail.tcString ≤ 4096', () => {
    const valid = fuzz('decodeTcString', 101, 400, (rng) => ({ s: fuzzString(rng, TC_SEEDS), status: rng.pick([undefined, 'tcloaded', 'cmpuishown', 'useractioncomplete', mutateString(rng, 'tcloaded')]) }), ({ s, status }) => {
      const out = call('decodeTcString', () => decodeTcString(s, status));
      expectJson(out);
      expectMaxLength(out.detail.tcString, 4096, 'detail.tcString');
      if (!out.valid) {
        expect(out).toMatchObject({ choiceMade: null, purposes: {} });
        expect(typeof out.error).toBe('string');
      } else {
        expect(typeof out.choiceMade).toBe('boolean');
      }
      return out.valid;
    });
    expect(valid, 'mutated TC strings that still decode').toBeGreaterThan(REACHED);
  });

  test('readTcf: never throws on any API answer or stored string; the result is JSON', () => {
    const data = { tcString: TC_SEEDS[0], gdprApplies: true, eventStatus: 'tcloaded', cmpStatus: 'loaded', cmpId: 28, tcfPolicyVersion: 5, addtlConsent: '1~' };
    fuzz('readTcf', 102, 300, (rng) => ({
      api: rng.chance(0.8) ? api(rng.chance(0.7) ? mutateTree(rng, { ...data, tcString: rng.pick(TC_SEEDS) }, { donors: TC_SEEDS }) : hostileJson(rng), rng) : null,
      stored: rng.chance(0.5) ? { name: 'euconsent-v2', value: fuzzString(rng, TC_SEEDS) } : null,
    }), ({ api: a, stored }) => {
      const out = call('readTcf', () => readTcf(a, stored));
      expectJson(out);
    });
  });

  test('decodeGpp / readGpp: never throw; garbage gets the invalid shape; detail.gppString ≤ 4096', () => {
    const valid = fuzz('decodeGpp', 103, 400, (rng) => fuzzString(rng, GPP_SEEDS), (s) => {
      const out = call('decodeGpp', () => decodeGpp(s, 'api', null));
      expectJson(out);
      expectMaxLength(out.source.detail?.gppString, 4096, 'detail.gppString');
      for (const signal of out.signals) expectMaxLength(signal.raw, 4096, 'signal.raw');
      if (!out.source.valid) {
        expect(out.recorded).toBeNull();
        expect(out.signals).toEqual([]);
        expect(typeof out.source.error).toBe('string');
      }
      return out.source.valid;
    });
    expect(valid, 'mutated GPP strings that still decode').toBeGreaterThan(REACHED);
    fuzz('readGpp', 104, 200, (rng) => ({
      api: rng.chance(0.8)
        ? api(mutateTree(rng, { gppString: rng.pick(GPP_SEEDS), applicableSections: [7, 8, 6, 2], signalStatus: 'ready' }, { donors: GPP_SEEDS }), rng)
        : null,
      stored: rng.chance(0.4) ? { name: 'OTGPPConsent', value: fuzzString(rng, GPP_SEEDS) } : null,
    }), ({ api: a, stored }) => {
      expectJson(call('readGpp', () => readGpp(a, stored)));
    });
  });

  test('decodeUspString / readUsp: never throw; garbage gets the invalid shape; detail.uspString ≤ 100', () => {
    const valid = fuzz('decodeUspString', 105, 500, (rng) => fuzzString(rng, USP_SEEDS), (s) => {
      const out = call('decodeUspString', () => decodeUspString(s));
      expectJson(out);
      expectMaxLength(out.detail.uspString, 100, 'detail.uspString');
      if (!out.valid) {
        expect(out.optedOut).toBeNull();
        expect(typeof out.error).toBe('string');
      }
      return out.valid;
    });
    expect(valid, 'mutated US Privacy strings that are still valid').toBeGreaterThan(REACHED);
    fuzz('readUsp', 106, 200, (rng) => ({
      api: rng.chance(0.7) ? api(mutateTree(rng, { uspString: rng.pick(USP_SEEDS), version: 1 }, { donors: USP_SEEDS }), rng) : null,
      cookie: rng.chance(0.6) ? fuzzString(rng, USP_SEEDS) : null,
    }), ({ api: a, cookie }) => {
      const out = call('readUsp', () => readUsp(a, cookie));
      expectJson(out);
      expectMaxLength(out?.signal?.raw, 100, 'signal.raw');
    });
  });
});

describe('fuzz: Consent Mode, P3P, gpc.json', { timeout: TEST_TIMEOUT_MS }, () => {
  test('Consent Mode (via the snapshot guard) and gcs/gcd: never throw; raw stays short', () => {
    const seed = SNAPSHOT_SEEDS[0] as { consentMode: unknown };
    const ics = { ad_storage: { default: false, update: true }, analytics_storage: { default: true }, junk: { update: false } };
    fuzz('readConsentMode', 107, 300, (rng) => mutateTree(rng, { ...seed.consentMode as object, ics: rng.chance(0.5) ? ics : null }, { donors: ['granted', 'denied', 'default', 'update'] }), (raw) => {
      const clean = call('sanitizeSnapshot', () => sanitizeSnapshot({ url: PAGE, consentMode: raw }));
      if (clean === null) throw new Error('a snapshot with a URL was refused');
      expectJson(call('readConsentMode', () => readConsentMode(clean.consentMode)));
      expectJson(call('fromCommands', () => fromCommands(clean.consentMode.commands)));
      if (clean.consentMode.ics) {
        const icsClean = clean.consentMode.ics;
        expectJson(call('fromIcs', () => fromIcs(icsClean)));
      }
    });
    fuzz('readGoogleConsentParams', 108, 500, (rng) => fuzzString(rng, [...URL_SEEDS.slice(2, 4), ...GCS_GCD_SEEDS]), (s) => {
      const out = call('readGoogleConsentParams', () => readGoogleConsentParams(s));
      expectJson(out);
      expectMaxLength(out?.raw, 'gcs=&gcd='.length + 60, 'raw');
      expectJson(call('parseGcs', () => parseGcs(s)));
      expectJson(call('parseGcd', () => parseGcd(s)));
    });
  });

  test('readP3p: never throws; cp ≤ 1024, policyref ≤ 2048, unknown tokens ≤ 20 × 20; invalid means no purposes', () => {
    const valid = fuzz('readP3p', 109, 500, (rng) => fuzzString(rng, P3P_SEEDS), (s) => {
      const out = call('readP3p', () => readP3p(s));
      expectJson(out);
      if (out === null) return;
      const detail = out.source.detail ?? {};
      expectMaxLength(detail.cp, 1024, 'detail.cp');
      expectMaxLength(detail.policyref, 2048, 'detail.policyref');
      const unknown = (detail.unknown ?? []) as string[];
      expect(unknown.length).toBeLessThanOrEqual(20);
      for (const u of unknown) expectMaxLength(u, 20, 'an unknown token');
      if (!out.source.valid) expect(out.purposes).toEqual([]);
      return out.source.valid && out.purposes.length > 0;
    });
    expect(valid, 'mutated P3P headers still declaring purposes').toBeGreaterThan(REACHED);
  });

  test('readGpcWellKnown: never throws; invalid files are invalid sources, missing ones none; bounded detail', () => {
    const valid = fuzz('readGpcWellKnown', 110, 400, (rng): WellKnownFetch => {
      if (rng.chance(0.05)) return { ok: false, url: 'https://shop.example/.well-known/gpc.json', error: 'net::ERR_FAILED' };
      return {
        ok: true,
        url: rng.chance(0.9) ? 'https://shop.example/.well-known/gpc.json' : fuzzString(rng, URL_SEEDS),
        status: rng.chance(0.85) ? 200 : rng.pick([0, 204, 301, 404, 410, 500, -1, 1e9]),
        contentType: rng.pick(['application/json', 'text/html', '']),
        body: rng.chance(0.7) ? fuzzString(rng, GPC_BODIES) : stringify(mutateTree(rng, { gpc: true, lastUpdate: '2025-04-15', version: 1 })),
        truncated: rng.chance(0.05),
      };
    }, (fetched) => {
      const out = call('readGpcWellKnown', () => readGpcWellKnown(fetched));
      expectJson(out);
      const detail = out.source?.detail ?? {};
      expectMaxLength(detail.url, 2048, 'detail.url');
      expectMaxLength(detail.lastUpdateInvalid, 100, 'detail.lastUpdateInvalid');
      expectMaxLength(detail.gpc, 100, 'detail.gpc');
      if (out.source?.valid === false) expect(out.gpcSupported).toBeNull();
      if (out.source?.valid === true) expect(typeof out.gpcSupported).toBe('boolean');
      return out.source?.valid === true;
    });
    expect(valid, 'mutated gpc.json files still valid').toBeGreaterThan(REACHED);
  });
});

describe('fuzz: JSON-LD, DPV, schema.org, policy links, durations', { timeout: TEST_TIMEOUT_MS }, () => {
  /** A JSON-LD seed mutated as text, or as a tree with terms written into its @context. */
  function jsonLd(rng: Rng): string {
    const seed = rng.pick(JSON_LD_SEEDS);
    if (rng.chance(0.4)) return fuzzString(rng, JSON_LD_SEEDS);
    let tree: unknown;
    try {
      tree = JSON.parse(seed);
    } catch {
      return mutateString(rng, seed, JSON_LD_SEEDS);
    }
    const mutated = mutateTree(rng, tree, { donors: CONTEXT_TERMS });
    const root = (Array.isArray(mutated) ? mutated[0] : mutated) as Record<string, unknown> | null;
    if (plainContainer(root) === 'object' && root !== null && rng.chance(0.6)) {
      // terms, prefixes and aliases of other terms (`"name": "schema:name"`), then a property using one of them
      const context = plainContainer(root['@context']) === 'object' ? (root['@context'] as Record<string, unknown>) : {};
      for (let n = 1 + rng.int(3); n > 0; n--) {
        const terms = Object.keys(context);
        context[rng.pick(CONTEXT_TERMS)] = terms.length > 0 && rng.chance(0.5) ? rng.pick(terms) : rng.pick(CONTEXT_TERMS);
      }
      root['@context'] = context;
      const property = rng.chance(0.5) ? rng.pick(Object.keys(context)) : `${rng.pick(CONTEXT_TERMS)}hasPurpose`;
      root[property] = rng.chance(0.5) ? rng.pick(Object.keys(context)) : rng.pick(CONTEXT_TERMS);
    }
    return stringify(mutated);
  }

  test('readDpv: never throws (an optional reader that must never break); bounded lists', () => {
    const valid = fuzz('readDpv', 111, 300, jsonLd, (text) => {
      const out = call('readDpv', () => readDpv(text));
      expectJson(out);
      if (out === null) return;
      if (!out.source.valid) {
        expect(out).toMatchObject({ purposes: [], recipients: null, retentionSeconds: null });
        return;
      }
      const detail = out.source.detail ?? {};
      for (const key of ['purposes', 'personalData', 'legalBases', 'recipientNames', 'recipientTypes']) {
        const list = detail[key] as string[];
        expect(list.length).toBeLessThanOrEqual(100);
      }
      for (const name of detail.recipientNames as string[]) expectMaxLength(name, 100, 'a recipient name');
      if (out.retentionSeconds !== null) expect(out.retentionSeconds).toBeGreaterThanOrEqual(0);
      return out.purposes.length > 0;
    });
    expect(valid, 'mutated JSON-LD still declaring DPV purposes').toBeGreaterThan(REACHED);
  });

  test('parseJsonLd, the JSON-LD helpers and schemaOrgPolicyUrl: never throw; URLs are http(s)', () => {
    fuzz('json-ld', 112, 300, jsonLd, (text) => {
      const parsed = call('parseJsonLd', () => parseJsonLd(text));
      if (parsed.ok) {
        const context = call('collectContext', () => collectContext(parsed.json, { dpv: 'https://w3id.org/dpv#' }));
        call('nodes/expand', () => {
          let n = 0;
          for (const node of nodes(parsed.json)) {
            for (const key of Object.keys(node)) expand(key, context);
            if (++n > 200) break;
          }
        });
      } else {
        expect(typeof parsed.error).toBe('string');
      }
      const url = call('schemaOrgPolicyUrl', () => schemaOrgPolicyUrl([text], PAGE));
      if (url !== null) expect(isHttpUrl(url)).toBe(true);
    });
  });

  test('findPolicyLink / isPolicyText / resolve: never throw; only http(s) URLs; text ≤ 200', () => {
    const anchors = (SNAPSHOT_SEEDS[0] as { links: { anchors: unknown[] } }).links.anchors;
    const texts = ['Privacy Policy', 'Datenschutzerklärung', 'Politique de confidentialité', 'Cookie-Richtlinie', 'Datenschutz-Einstellungen', 'privacy'];
    fuzz('findPolicyLink', 113, 300, (rng) => ({
      page: rng.chance(0.9) ? PAGE : fuzzString(rng, URL_SEEDS),
      links: mutateTree(rng, { privacyPolicy: rng.chance(0.2) ? ['/privacy'] : [], anchors }, { donors: [...texts, ...URL_SEEDS] }),
    }), ({ page, links }) => {
      const clean = call('sanitizeSnapshot', () => sanitizeSnapshot({ url: page, links }));
      if (clean === null) throw new Error('a snapshot with a URL was refused');
      const out = call('findPolicyLink', () => findPolicyLink(page, clean.links));
      expectJson(out);
      if (out.policyUrl !== null) expect(isHttpUrl(out.policyUrl)).toBe(true);
      expectMaxLength(out.source?.detail?.text, 200, 'detail.text');
    });
    fuzz('isPolicyText/resolve', 114, 500, (rng) => [fuzzString(rng, texts), fuzzString(rng, URL_SEEDS)] as const, ([text, href]) => {
      expect(typeof call('isPolicyText', () => isPolicyText(text))).toBe('boolean');
      const url = call('resolve', () => resolve(href, PAGE));
      if (url !== null) expect(isHttpUrl(url)).toBe(true);
      expect(call('resolve (bad base)', () => resolve(href, text))).toSatisfy((v: string | null) => v === null || isHttpUrl(v));
    });
  });

  test('isoDurationSeconds / unitDurationSeconds / parseRetention: never throw; null or a finite count of seconds ≥ 0', () => {
    const seconds = (what: string, value: number | null): void => {
      if (value !== null && !(Number.isFinite(value) && value >= 0)) throw new Error(`${what} gave ${value} seconds`);
    };
    fuzz('durations', 115, 500, (rng) => ({
      iso: fuzzString(rng, DURATION_SEEDS),
      amount: rng.pick([0, 1, 13, 1.5, -1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, -0]),
      unit: fuzzString(rng, ['time:unitMonth', 'http://www.w3.org/2006/time#unitDay', 'days', 'year']),
      retention: rng.chance(0.8) ? fuzzString(rng, RETENTION_SEEDS) : rng.chance(0.5) ? rng.pick([365, 0.5, -1, 1e308, Number.NaN]) : hostileJson(rng),
    }), ({ iso, amount, unit, retention }) => {
      seconds('isoDurationSeconds', call('isoDurationSeconds', () => isoDurationSeconds(iso)));
      seconds('unitDurationSeconds', call('unitDurationSeconds', () => unitDurationSeconds(amount, unit)));
      seconds('parseRetention', call('parseRetention', () => parseRetention(retention)));
      expect(typeof call('isSessionRetention', () => isSessionRetention(retention))).toBe('boolean');
    });
  });
});

describe('fuzz: bounded JSON and the page snapshot', { timeout: TEST_TIMEOUT_MS }, () => {
  /** Depth, breadth, string length and node count of a value: what the caps bound. */
  function measure(value: unknown, depth = 0, out = { depth: 0, keys: 0, items: 0, string: 0, nodes: 0, proto: false }): typeof out {
    out.nodes++;
    out.depth = Math.max(out.depth, depth);
    if (typeof value === 'string') out.string = Math.max(out.string, value.length);
    else if (Array.isArray(value)) {
      out.items = Math.max(out.items, value.length);
      for (const v of value) measure(v, depth + 1, out);
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      out.keys = Math.max(out.keys, keys.length);
      if (Object.hasOwn(value, '__proto__')) out.proto = true;
      for (const k of keys) measure((value as Record<string, unknown>)[k], depth + 1, out);
    }
    return out;
  }

  test('toBoundedJson: never throws, even on getters, proxies and cycles; the copy is plain JSON within the caps', () => {
    const small: JsonLimits = { depth: 4, keys: 5, items: 6, string: 10, nodes: 40 };
    fuzz('toBoundedJson', 116, 400, (rng) => ({
      value: mutateTree(rng, rng.pick([...SNAPSHOT_SEEDS, ...CMP_FIXTURES.map((f) => f.globals)]), { objects: true }),
      limits: rng.chance(0.5) ? small : DEFAULT_LIMITS,
    }), ({ value, limits }) => {
      const out = call('toBoundedJson', () => toBoundedJson(value, limits));
      if (out === undefined) return;
      expectJson(out);
      const m = measure(out);
      // a container at depth `limits.depth` is dropped, so values sit at most that deep
      expect(m.depth).toBeLessThanOrEqual(limits.depth);
      expect(m.keys).toBeLessThanOrEqual(limits.keys);
      expect(m.items).toBeLessThanOrEqual(limits.items);
      expect(m.string).toBeLessThanOrEqual(limits.string);
      expect(m.nodes).toBeLessThanOrEqual(limits.nodes);
      expect(m.proto).toBe(false);
    });
    fuzz('cappedString', 117, 200, (rng) => (rng.chance(0.5) ? fuzzString(rng, URL_SEEDS) : hostileJson(rng)), (value) => {
      const out = call('cappedString', () => cappedString(value, 50));
      expectMaxLength(out, 50, 'cappedString');
    });
  });

  // The probe posts the snapshot as JSON text and extension messaging copies plain data, so the guard only ever gets
  // JSON values: its input here is mutated JSON (throwing getters and proxies are toBoundedJson's case above).
  test('sanitizeSnapshot: never throws on any JSON a page posts; the copy is JSON within SNAPSHOT_CAPS and a snapshot itself', () => {
    const kept = fuzz('sanitizeSnapshot', 118, 300, (rng) => mutateTree(rng, rng.pick(SNAPSHOT_SEEDS), { donors: [...URL_SEEDS, ...TC_SEEDS] }), (raw) => {
      const clean = call('sanitizeSnapshot', () => sanitizeSnapshot(raw));
      if (clean === null) return;
      expectJson(clean);
      expectMaxLength(clean.url, SNAPSHOT_CAPS.url, 'url');
      expect(clean.scripts.length).toBeLessThanOrEqual(SNAPSHOT_CAPS.scripts);
      for (const s of clean.scripts) expectMaxLength(s, SNAPSHOT_CAPS.url, 'a script URL');
      expect(clean.jsonLd.length).toBeLessThanOrEqual(SNAPSHOT_CAPS.jsonLdBlocks);
      for (const s of clean.jsonLd) expectMaxLength(s, SNAPSHOT_CAPS.jsonLdBlock, 'a JSON-LD block');
      expect(Object.keys(clean.storage).length).toBeLessThanOrEqual(SNAPSHOT_CAPS.storageKeys);
      for (const [k, v] of Object.entries(clean.storage)) {
        expectMaxLength(k, SNAPSHOT_CAPS.storageKey, 'a storage key');
        expectMaxLength(v, SNAPSHOT_CAPS.storageValue, 'a storage value');
      }
      expect(clean.links.privacyPolicy.length).toBeLessThanOrEqual(SNAPSHOT_CAPS.policyLinks);
      expect(clean.links.anchors.length).toBeLessThanOrEqual(SNAPSHOT_CAPS.anchors);
      for (const a of clean.links.anchors) {
        expectMaxLength(a.href, SNAPSHOT_CAPS.url, 'an anchor href');
        expectMaxLength(a.text, SNAPSHOT_CAPS.linkText, 'an anchor text');
      }
      expect(clean.consentMode.commands.length).toBeLessThanOrEqual(SNAPSHOT_CAPS.consentCommands);
      expect(Object.keys(clean.consentMode.ics ?? {}).length).toBeLessThanOrEqual(SNAPSHOT_CAPS.icsTypes);
      // "a bounded, well-formed copy": what the guard gives back passes the guard unchanged
      expect(call('isPageSnapshot', () => isPageSnapshot(clean))).toBe(true);
      expect(call('isPageSnapshot (raw)', () => isPageSnapshot(raw))).toSatisfy((v: unknown) => typeof v === 'boolean');
      return clean.consentMode.commands.length > 0 || clean.links.anchors.length > 0;
    });
    expect(kept, 'mutated snapshots still holding commands or links').toBeGreaterThan(REACHED);
  });

  test('readDeclared over fuzzed snapshots, cookies, gpc.json, P3P headers and Google URLs: never throws, no reader fails', () => {
    const recorded = fuzz('readDeclared', 119, 120, (rng) => {
      const cmp = fuzzCmpInput(rng);
      const raw = mutateTree(rng, rng.pick(SNAPSHOT_SEEDS), { donors: [...URL_SEEDS, ...TC_SEEDS, ...GPP_SEEDS] });
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && rng.chance(0.5)) {
        const r = raw as Record<string, unknown>;
        r.cmp = cmp.globals;
        r.scripts = [...cmp.scripts, ...(Array.isArray(r.scripts) ? r.scripts : [])];
        r.jsonLd = [rng.pick(JSON_LD_SEEDS), mutateString(rng, rng.pick(JSON_LD_SEEDS), CONTEXT_TERMS)];
      }
      const extra: PageCookie[] = [
        { name: 'euconsent-v2', value: fuzzString(rng, TC_SEEDS), domain: '.news.example' },
        { name: 'usprivacy', value: fuzzString(rng, USP_SEEDS), domain: '.news.example' },
        { name: 'OTGPPConsent', value: fuzzString(rng, GPP_SEEDS), domain: '.news.example' },
      ].filter(() => rng.chance(0.4));
      return {
        pageUrl: rng.chance(0.9) ? PAGE : fuzzString(rng, URL_SEEDS),
        raw,
        cookies: [...cmp.cookies, ...extra],
        gpcJson: rng.chance(0.5)
          ? { ok: true as const, url: 'https://www.news.example/.well-known/gpc.json', status: 200, contentType: 'application/json', body: fuzzString(rng, GPC_BODIES), truncated: false }
          : null,
        p3pHeaders: Array.from({ length: rng.int(4) }, () => fuzzString(rng, P3P_SEEDS)),
        googleRequestUrls: Array.from({ length: rng.int(4) }, () => fuzzString(rng, URL_SEEDS.slice(2, 4))),
      };
    }, ({ raw, ...rest }) => {
      const snapshot = call('sanitizeSnapshot', () => sanitizeSnapshot(raw));
      const out = call('readDeclared', () => readDeclared({ ...rest, snapshot }));
      expectJson(out);
      // readDeclared turns a reader's throw into an invalid source: for the fuzzer that is the crash it looks for
      const failed = out.declared.sources.filter((s) => s.error?.startsWith('reader failed'));
      expect(failed).toEqual([]);
      return out.consent.recorded !== null;
    });
    expect(recorded, 'fuzzed pages still with a recorded consent').toBeGreaterThan(REACHED);
  });
});

describe('fuzz: CMP readers', { timeout: TEST_TIMEOUT_MS }, () => {
  test('every CMP reader: never throws on fuzzed cookies, storage and globals; readCmps reports no reader failure', () => {
    const recorded = fuzz('cmp readers', 120, 400, fuzzCmpInput, (input) => {
      for (const [cmp, read] of CMP_READERS) expectJson(call(`read ${cmp}`, () => read(input)));
      const readings = call('readCmps', () => readCmps(input));
      expectJson(readings);
      expect(readings.filter((r) => r.source.error?.startsWith('reader failed')).map((r) => r.source.error)).toEqual([]);
      for (const r of readings) for (const c of r.cookies) expectMaxLength(c.name, 256, 'a declared cookie name');
      return readings.some((r) => r.recorded?.choiceMade === true);
    });
    expect(recorded, 'fuzzed CMP inputs still read as a choice').toBeGreaterThan(REACHED);
  });

  test('parseLiteral, nameFromPattern, nameFromText: never throw; names ≤ 256', () => {
    const literals = CMP_FIXTURES.flatMap((f) => (f.cookies.CookieConsent ? [f.cookies.CookieConsent] : []));
    fuzz('cmp helpers', 121, 500, (rng) => ({ literal: fuzzString(rng, literals), pattern: fuzzString(rng, PATTERN_SEEDS) }), ({ literal, pattern }) => {
      const parsed = call('parseLiteral', () => parseLiteral(literal));
      if (parsed.ok) expect(parsed.value.size).toBeLessThanOrEqual(100);
      else expect(typeof parsed.error).toBe('string');
      for (const read of [nameFromPattern, nameFromText]) {
        const name = call(read.name, () => read(pattern));
        expectJson(name);
        if ('name' in name) expectMaxLength(name.name, 256, 'name');
      }
    });
  });
});

describe('fuzz: cookies', { timeout: TEST_TIMEOUT_MS }, () => {
  test('parseSetCookie / splitSetCookieHeaders: never throw; name + value ≤ 4096; at most 1000 lines', () => {
    const now = setCookieCases.now;
    const stored = fuzz('parseSetCookie', 122, 500, (rng) => ({
      header: fuzzString(rng, SET_COOKIE_SEEDS),
      url: rng.chance(0.85) ? rng.pick(SET_COOKIE_URLS) : fuzzString(rng, SET_COOKIE_URLS),
      now: rng.chance(0.9) ? now : rng.pick([0, -1, Number.NaN, 1e300, 8.64e15]),
    }), ({ header, url, now: at }) => {
      const out = call('parseSetCookie', () => parseSetCookie(header, url, at));
      expectJson(out);
      if (out !== null) expect(out.name.length + out.value.length).toBeLessThanOrEqual(MAX_NAME_VALUE);
      const lines = call('splitSetCookieHeaders', () => splitSetCookieHeaders(header));
      expect(lines.length).toBeLessThanOrEqual(1000);
      return out !== null && out.rejected === null;
    });
    expect(stored, 'mutated Set-Cookie lines a browser would still store').toBeGreaterThan(REACHED);
  });

  test('parseCookieDate: never throws; null or a valid time', () => {
    const dates = fuzz('parseCookieDate', 123, 500, (rng) => fuzzString(rng, DATE_SEEDS), (s) => {
      const out = call('parseCookieDate', () => parseCookieDate(s));
      if (out !== null) expect(Number.isFinite(new Date(out).getTime())).toBe(true);
      return out !== null;
    });
    expect(dates, 'mutated dates still read').toBeGreaterThan(REACHED);
  });

  test('classifyCookie / classifyStorageKey: never throw against fuzzed names, values, domains and declarations', () => {
    const declared: DeclaredCookie[] = [
      { name: '_ga', purpose: 'analytics', retentionSeconds: 63072000, source: 'cmp:cookiebot', domain: '.shop.example' },
      { name: '_pk_', prefix: true, purpose: 'analytics', retentionSeconds: null, source: 'cmp:klaro' },
      { name: 'sid', purpose: 'necessary', retentionSeconds: null, session: true, source: 'dpv' },
    ];
    const setters = [null, { key: 'google_analytics', name: 'Google Analytics', category: 'analytics', organization: 'Google', purpose: 'analytics' as const }];
    fuzz('classifyCookie', 124, 300, (rng) => ({
      name: fuzzString(rng, COOKIE_NAME_SEEDS),
      value: fuzzString(rng, COOKIE_VALUE_SEEDS),
      domain: fuzzString(rng, ['.shop.example', 'shop.example', '.doubleclick.net', '']),
      lifetimeSeconds: rng.pick([null, 0, 3600, 63072000, -1, 1e300]),
      setter: rng.pick(setters),
      declared: declared.map((d) => (rng.chance(0.3) ? { ...d, name: fuzzString(rng, [d.name, ...PATTERN_SEEDS]), domain: fuzzString(rng, ['.shop.example', '*.shop.example']) } : d)),
    }), (input) => {
      const out = call('classifyCookie', () => classifyCookie(input));
      expectJson(out);
      expect(typeof out.purpose).toBe('string');
      expectJson(call('classifyStorageKey', () => classifyStorageKey(input)));
    });
  });
});

describe('fuzz: requests', { timeout: TEST_TIMEOUT_MS }, () => {
  test('identifierParams / summarizeSent / classifyRequest / party helpers: never throw; at most 20 names of ≤ 64', () => {
    fuzz('requests', 125, 500, (rng) => ({
      url: fuzzString(rng, URL_SEEDS),
      top: rng.chance(0.8) ? PAGE : fuzzString(rng, URL_SEEDS),
      headers: Array.from({ length: rng.int(6) }, () => ({
        name: fuzzString(rng, ['Referer', 'Cookie', 'User-Agent', 'Accept-Language', 'Sec-GPC', 'Sec-CH-UA']),
        value: fuzzString(rng, [PAGE, 'a=b', '1', 'Mozilla/5.0']),
      })),
    }), ({ url, top, headers }) => {
      const ids = call('identifierParams', () => identifierParams(url));
      expect(ids.length).toBeLessThanOrEqual(20);
      for (const id of ids) expectMaxLength(id, 64, 'a parameter name');
      const sent = call('summarizeSent', () => summarizeSent(headers, url));
      expectJson(sent);
      expect(sent.identifiers.length).toBeLessThanOrEqual(20);
      expect(typeof call('hostnameOf', () => hostnameOf(url))).toBe('string');
      const site = call('siteOf', () => siteOf(url));
      expect(typeof site).toBe('string');
      expectJson(call('classifyRequest', () => classifyRequest(null, url, top, siteOf(top), 'script')));
      expect(['first', 'third']).toContain(call('partyOf', () => partyOf(site, siteOf(top))));
      expect(typeof call('hostOf', () => hostOf(url))).toBe('string');
      expect(typeof call('cookieSite', () => cookieSite(url))).toBe('string');
      expect(typeof call('isNetworkUrl', () => isNetworkUrl(url))).toBe('boolean');
    });
  });

  test('bodyIdentifierKeys: never throws on form data, URL-encoded, JSON and NDJSON bodies; at most 20 names of ≤ 64', () => {
    const bodies = [
      '{"user_id":"a3f9c2e1b7d84f06","events":[{"device_id":"d41d8cd98f00b204","event_type":"click"}],"context":{"device":{"id":"9f86d081884c7d65"}}}',
      '[{"batch":[{"anonymousId":"507f1f77bcf86cd7"}]}]',
      '{"event_id":"fc6d8c0c43fc4630"}\n{"type":"event"}\n{"user":{"id":"2c26b46b68ffc68f"}}',
      'cid=1234567890.1700000000&tid=G-X&en=page_view',
    ];
    const encoder = new TextEncoder();
    fuzz('bodyIdentifierKeys', 126, 400, (rng) => {
      if (rng.chance(0.2)) {
        const formData: Record<string, string[] | undefined> = {};
        for (let n = rng.int(5); n > 0; n--) formData[fuzzString(rng, ['cid', 'uid', '__proto__'])] = rng.chance(0.9) ? [fuzzString(rng, COOKIE_VALUE_SEEDS)] : undefined;
        return { formData };
      }
      const text = rng.chance(0.6) ? stringify(mutateTree(rng, JSON.parse(rng.pick(bodies.slice(0, 2))))) : fuzzString(rng, bodies);
      const bytes = encoder.encode(text);
      return { raw: [{ bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }] };
    }, (body) => {
      const keys = call('bodyIdentifierKeys', () => bodyIdentifierKeys(body));
      expect(keys.length).toBeLessThanOrEqual(20);
      for (const k of keys) expectMaxLength(k, 64, 'a body field name');
    });
  });

  test('looksLikeIdentifier / shannonEntropy / decodeByteString: never throw', () => {
    fuzz('identifier-value', 127, 500, (rng) => fuzzString(rng, [...COOKIE_VALUE_SEEDS.filter((v) => v !== ''), 'â\u0098\u0083', 'G-NW2026']), (s) => {
      expect(typeof call('looksLikeIdentifier', () => looksLikeIdentifier(s))).toBe('boolean');
      const bits = call('shannonEntropy', () => shannonEntropy(s));
      expect(Number.isFinite(bits) && bits >= 0).toBe(true);
      expect(typeof call('decodeByteString', () => decodeByteString(s))).toBe('string');
    });
  });
});

describe('fuzz: exports of reports holding fuzzed page strings', { timeout: TEST_TIMEOUT_MS }, () => {
  /** Strings the page or a server controls: the keys (and containers) whose strings the mutator rewrites. */
  const PAGE_KEYS = new Set(['url', 'name', 'value', 'domain', 'path', 'key', 'origin', 'initiator', 'redirectedFrom', 'error', 'cname', 'partitionKey', 'purposeDetail', 'title', 'explanation', 'raw', 'policyUrl', 'text', 'detail', 'site']);
  const PAGE_CONTAINERS = new Set(['headers', 'request', 'response', 'detail', 'recipients', 'identifiers', 'bodyIdentifiers', 'clientHints']);
  const reports = [loadReport('hostile-report'), loadReport('report')];

  function fuzzReport(rng: Rng): Report {
    const report = JSON.parse(JSON.stringify(rng.chance(0.75) ? reports[0] : reports[1])) as Report;
    const rate = 0.05 + rng.next() * 0.3;
    const walk = (value: unknown, key: string, inPage: boolean): unknown => {
      if (typeof value === 'string') return (inPage || PAGE_KEYS.has(key)) && rng.chance(rate) ? fuzzString(rng, [value, ...URL_SEEDS]) : value;
      if (Array.isArray(value)) return value.map((v) => walk(v, key, inPage || PAGE_CONTAINERS.has(key)));
      if (typeof value === 'object' && value !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = walk(v, k, inPage || PAGE_CONTAINERS.has(key));
        return out;
      }
      return value;
    };
    return walk(report, '', false) as Report;
  }

  test('every format: never throws; JSON formats parse, JUnit is well-formed XML, HTML holds no page markup, text no control characters', () => {
    const provenance = { candorVersion: '0.0.0', browser: 'Chromium 1', trackerDb: 'test', visitId: 1 };
    fuzz('exports', 128, 40, fuzzReport, (report) => {
      for (const format of FORMATS) {
        const text = call(`formatReport ${format}`, () => formatReport(report, format));
        expect(typeof text).toBe('string');
        if (format === 'json' || format === 'sarif' || format === 'har') expect(() => JSON.parse(text)).not.toThrow();
        if (format === 'junit') call('parseXml (junit)', () => parseXml(text));
        if (format === 'html') expect(text).not.toMatch(/<(script|img|iframe)/i);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not get through
        if (format === 'text') expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
      }
      for (const table of CSV_TABLES) expect(typeof call(`formatCsv ${table}`, () => formatCsv(report, table))).toBe('string');
      const tables = call('toTables', () => toTables(report, provenance));
      for (const rows of Object.values(tables)) expect(typeof call('toNdjson', () => toNdjson(rows))).toBe('string');
    });
  });
});
