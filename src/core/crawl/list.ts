// A crawl list: one URL or domain a line. Blank lines and `#` comments are skipped; `rank,domain` lines (the
// Tranco / Alexa CSV shape) keep their rank; duplicates and invalid entries are reported, never fatal.

export interface ListEntry {
  /** 1-based line number in the list file */
  line: number;
  /** the text as written (trimmed, comment removed) */
  input: string;
  /** 0-based position among the list's data lines (entries and problems alike): what `--shard` splits on */
  ordinal: number;
  /** the URL that is checked (normalized: https:// added to a bare domain, lower-case host, `/` path) */
  url: string;
  /** the rank given by the list (`rank,domain`), else the 1-based ordinal */
  rank: number;
}

export interface ListProblem {
  line: number;
  input: string;
  ordinal: number;
  kind: 'invalid' | 'duplicate';
  error: string;
}

export interface ParsedList {
  entries: ListEntry[];
  problems: ListProblem[];
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
// a DNS label after URL parsing (punycode, lower case); `_` is seen in real host names
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** The URL a list entry stands for, or the reason it is not one. */
export function normalizeListUrl(input: string): { url: string } | { error: string } {
  if (/\s/.test(input)) return { error: 'contains white space' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[^:/]+:\d+(\/|$)/.test(input);
  let url: URL;
  try {
    url = new URL(hasScheme ? input : `https://${input}`);
  } catch {
    return { error: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return {
      error: `only http and https URLs can be checked (${url.protocol})`,
    };
  if (hasScheme && !/^https?:\/\//i.test(input)) return { error: 'not a URL' };
  const host = url.hostname;
  if (!host) return { error: 'no host name' };
  const isIp = IPV4.test(host) || host.startsWith('[');
  if (!isIp) {
    const labels = host.replace(/\.$/, '').split('.');
    if (labels.length < 2 && host !== 'localhost') return { error: `not a host name on the internet: ${host}` };
    if (!labels.every((label) => LABEL.test(label))) return { error: `not a valid host name: ${host}` };
  }
  if (url.username || url.password) return { error: 'URLs with credentials are not crawled' };
  url.hash = '';
  return { url: url.href };
}

function stripComment(raw: string): string {
  // `#` starts a comment at the start of a line or after white space; a URL's own `#fragment` stays.
  const match = /(^|\s)#/.exec(raw);
  return (match ? raw.slice(0, match.index) : raw).trim();
}

export function parseList(text: string): ParsedList {
  const entries: ListEntry[] = [];
  const problems: ListProblem[] = [];
  const seen = new Map<string, number>();
  let ordinal = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  lines.forEach((raw, index) => {
    const input = stripComment(raw);
    if (!input) return;
    const line = index + 1;
    const position = ordinal++;
    let rank = position + 1;
    let target = input;
    const ranked = /^(\d+)\s*[,;\t]\s*(.*)$/.exec(input);
    if (ranked?.[1] && ranked[2] !== undefined) {
      rank = Number(ranked[1]);
      target = ranked[2].trim();
    }
    const normalized = normalizeListUrl(target);
    if ('error' in normalized) {
      problems.push({
        line,
        input,
        ordinal: position,
        kind: 'invalid',
        error: normalized.error,
      });
      return;
    }
    const first = seen.get(normalized.url);
    if (first !== undefined) {
      problems.push({
        line,
        input,
        ordinal: position,
        kind: 'duplicate',
        error: `duplicate of line ${first}`,
      });
      return;
    }
    seen.set(normalized.url, line);
    entries.push({ line, input, ordinal: position, url: normalized.url, rank });
  });
  return { entries, problems };
}
