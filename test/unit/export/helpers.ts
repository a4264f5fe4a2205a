// Test helpers for the export formats: fixtures, a strict little XML reader, an RFC 4180 reader, schema validators.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Report } from '../../../src/core/types.ts';

const FIXTURES = new URL('../../fixtures/export/', import.meta.url);

export function loadReport(name: 'report' | 'hostile-report'): Report {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as Report;
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`bare & in ${where}: ${raw}`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(raw)) throw new Error(`control character in ${where}`);
  return raw.replace(ENTITY, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number.parseInt(e.slice(1), 10))
        : (NAMED[e] ?? ''),
  );
}

/** Parses the XML subset the exports write (declaration, elements, attributes, text); throws when not well-formed. */
export function parseXml(xml: string): XmlElement {
  let rest = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  while (rest !== '') {
    const top = stack[stack.length - 1];
    if (top === undefined) throw new Error('unbalanced');
    const lt = rest.indexOf('<');
    if (lt !== 0) {
      const raw = lt < 0 ? rest : rest.slice(0, lt);
      if (raw.includes('>')) throw new Error(`raw > in text: ${raw}`);
      top.text += decode(raw, 'text');
      rest = lt < 0 ? '' : rest.slice(lt);
      continue;
    }
    const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(rest);
    if (close) {
      if (top.name !== close[1]) throw new Error(`</${close[1]}> closes <${top.name}>`);
      stack.pop();
      rest = rest.slice(close[0].length);
      continue;
    }
    const open = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>/.exec(rest);
    if (!open) throw new Error(`malformed tag at: ${rest.slice(0, 80)}`);
    const attrs: Record<string, string> = {};
    for (const m of (open[2] ?? '').matchAll(/([A-Za-z_][\w.:-]*)="([^"<]*)"/g)) {
      const name = m[1] ?? '';
      if (name in attrs) throw new Error(`duplicate attribute ${name}`);
      attrs[name] = decode(m[2] ?? '', `attribute ${name}`);
    }
    const element: XmlElement = { name: open[1] ?? '', attrs, children: [], text: '' };
    top.children.push(element);
    if (open[3] !== '/') stack.push(element);
    rest = rest.slice(open[0].length);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('not exactly one root element');
  const [only] = root.children;
  if (only === undefined) throw new Error('no root');
  return only;
}

export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}

/** RFC 4180 reader: quoted fields with "" escapes, CRLF records; rejects stray quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      const end = /^"((?:[^"]|"")*)"/.exec(text.slice(i));
      if (!end) throw new Error(`unterminated quote at ${i}`);
      field = (end[1] ?? '').replace(/""/g, '"');
      i += end[0].length;
      if (!/^(,|\r\n|$)/.test(text.slice(i))) throw new Error(`text after closing quote at ${i}`);
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      if (c === '"' || c === '\n' || c === '\r') throw new Error(`unquoted special character at ${i}`);
      field += c;
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

const require = createRequire(import.meta.url);
// unicodeRegExp off: the SARIF schema has a pattern (`language`) that is invalid in /u mode
// ajv-formats is CommonJS; its default export arrives wrapped or not depending on the loader
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

function ajv(): Ajv {
  const instance = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(instance);
  return instance;
}

/** SARIF 2.1.0 (the OASIS schema as @microsoft/jest-sarif ships it; draft-04 `id` renamed for Ajv 8). */
export function sarifValidator(): ValidateFunction {
  const { id, $schema: _draft, ...schema } = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<
    string,
    unknown
  >;
  return ajv().compile({ ...schema, $id: String(id) });
}

/** HAR 1.2 (har-schema: one draft-06 file per object, referring to each other by file name). */
export function harValidator(): ValidateFunction {
  const schemas = require('har-schema') as Record<string, Record<string, unknown>>;
  const instance = ajv();
  for (const [name, { $schema: _draft, ...schema }] of Object.entries(schemas)) {
    if (name !== 'har') instance.addSchema(schema);
  }
  const { $schema: _draft, ...har } = schemas.har ?? {};
  return instance.compile(har);
}
