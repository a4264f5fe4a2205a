// Escaping for every output medium. Page-supplied strings are data, never markup or terminal control.

// C0 controls (but tab and newline), DEL, C1 controls, and bidi overrides/isolates ("Trojan Source").
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const TERMINAL_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Characters XML 1.0 forbids outright (C0 but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const XML_INVALID = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function hexEscape(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** For terminals: control and bidi characters become visible `\x1b`-style text; tabs and newlines stay. */
export function stripControl(value: string): string {
  return value.replace(TERMINAL_UNSAFE, hexEscape);
}

/** For one terminal line: also folds newlines and tabs into spaces. */
export function oneLine(value: string): string {
  return stripControl(value.replace(/[\r\n\t]+/g, ' '));
}

/** XML/HTML text and attribute values (double- or single-quoted); drops characters XML cannot carry. */
export function escapeXml(value: string): string {
  return value
    .replace(XML_INVALID, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** XML attribute values: as escapeXml, and keeps line breaks and tabs (a parser folds raw ones into spaces). */
export function escapeXmlAttr(value: string): string {
  return escapeXml(value).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** HTML text and attributes: as XML, but `&#39;` (HTML 4 has no `&apos;`). */
export function escapeHtml(value: string): string {
  return escapeXml(value).replace(/&apos;/g, '&#39;');
}

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One RFC 4180 field. Strings starting with `=`, `+`, `-`, `@` (or tab/CR, which some spreadsheets skip
 * before evaluating) get a leading `'` so a spreadsheet shows them instead of evaluating them (OWASP CSV injection).
 * Numbers are written as numbers, so `-1` stays a number.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One CSV record (no line terminator). */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

/** A whole CSV document: header, records, CRLF line endings (RFC 4180), ending with CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [csvRow(header), ...rows.map(csvRow)].map((line) => `${line}\r\n`).join('');
}

/**
 * A URL as a valid RFC 3986 URI (SARIF's and HAR's `uri` formats): WHATWG-normalised as a browser sends it,
 * then the characters WHATWG leaves raw but RFC 3986 forbids after the host (`[`, `]`, `|`, `^`, `{`, `}`, …)
 * percent-encoded; percent-encoded as a whole when it does not parse. The JSON report keeps the raw URL.
 */
export function safeUri(url: string): string {
  try {
    const parsed = new URL(url);
    const tail = parsed.pathname + parsed.search + parsed.hash;
    if (!parsed.href.endsWith(tail)) return parsed.href;
    return parsed.href.slice(0, parsed.href.length - tail.length) + tail.replace(/[^\w\-.~:/?#@!$&'()*+,;=%]/g, encodeURIComponent);
  } catch {
    return encodeURI(url.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}
