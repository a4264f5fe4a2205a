// Just enough JSON-LD for reading declarations out of `<script type="application/ld+json">`: bounded parsing,
// prefix/term/@vocab expansion from the document's own @context objects (remote contexts are never fetched),
// and a walk over every node object. Not a JSON-LD processor: no framing, no remote contexts, no @reverse.
import { isRecord } from './bounded-json.ts';

export const JSON_LD_LIMITS = { bytes: 262_144, depth: 32, nodes: 20_000 } as const;

export type JsonLdParse = { ok: true; json: unknown } | { ok: false; error: string };

export function parseJsonLd(text: string): JsonLdParse {
  if (text.length > JSON_LD_LIMITS.bytes) return { ok: false, error: 'JSON-LD block larger than 256 KB' };
  let json: unknown;
  try {
    json = JSON.parse(stripHtmlComment(text));
  } catch (error) {
    // a RangeError from absurd nesting lands here too
    return { ok: false, error: `invalid JSON: ${error instanceof Error ? error.message.slice(0, 200) : 'parse error'}` };
  }
  if (depthExceeds(json, JSON_LD_LIMITS.depth)) return { ok: false, error: `JSON-LD nested deeper than ${JSON_LD_LIMITS.depth} levels` };
  return { ok: true, json };
}

/** Some sites wrap the block in `<!-- … -->` (old HTML habit). */
function stripHtmlComment(text: string): string {
  return text.trim().replace(/^<!--/, '').replace(/-->$/, '');
}

function depthExceeds(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  let seen = 0;
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    const [value, depth] = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > max) return true;
    if (++seen > JSON_LD_LIMITS.nodes * 10) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Prefixes, term definitions and @vocab gathered from every @context object in the document. */
export interface Context {
  terms: Map<string, string>;
  vocab: string | null;
}

export function collectContext(root: unknown, defaults: Readonly<Record<string, string>>): Context {
  const terms = new Map<string, string>(Object.entries(defaults));
  let vocab: string | null = null;
  for (const node of nodes(root)) {
    const contexts = Array.isArray(node['@context']) ? node['@context'] : [node['@context']];
    for (const ctx of contexts) {
      if (!isRecord(ctx)) continue;
      for (const [key, value] of Object.entries(ctx)) {
        const iri = typeof value === 'string' ? value : isRecord(value) && typeof value['@id'] === 'string' ? value['@id'] : null;
        if (iri === null) continue;
        if (key === '@vocab') vocab = iri;
        else if (!key.startsWith('@')) terms.set(key, iri);
      }
    }
  }
  return { terms, vocab };
}

/** Expands a key, type or reference to a full IRI (best effort; a plain literal stays as it is). */
export function expand(term: string, context: Context): string {
  if (/^https?:\/\//i.test(term)) return term;
  if (term.indexOf(':') > 0) return expandPrefixed(term, context);
  const defined = context.terms.get(term);
  // a term defined as a compact IRI (`"name": "schema:name"`) is expanded once: a definition that names a term again
  // (`":x": ":x"`) would otherwise recurse without end
  if (defined !== undefined) return /^https?:/i.test(defined) ? defined : expandPrefixed(defined, context);
  return context.vocab !== null && !term.startsWith('@') ? context.vocab + term : term;
}

/** `prefix:rest` with a known prefix → the prefix's IRI + rest; anything else as it is. */
function expandPrefixed(term: string, context: Context): string {
  const colon = term.indexOf(':');
  if (colon <= 0) return term;
  const prefix = context.terms.get(term.slice(0, colon));
  return prefix !== undefined ? prefix + term.slice(colon + 1) : term;
}

/** Every node object in the document, depth-first, bounded. */
export function* nodes(root: unknown): Generator<Record<string, unknown>> {
  const stack: unknown[] = [root];
  let count = 0;
  while (stack.length > 0 && count < JSON_LD_LIMITS.nodes) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (isRecord(value)) {
      count++;
      yield value;
      for (const [key, child] of Object.entries(value)) if (key !== '@context') stack.push(child);
    }
  }
}

/** A property's values as a list (JSON-LD allows one value or an array). */
export function values(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** The IRIs a value refers to: a string, `{"@id"}`, and the node's `@type`s. */
export function references(value: unknown, context: Context): string[] {
  const out: string[] = [];
  for (const v of values(value)) {
    if (typeof v === 'string') out.push(expand(v, context));
    else if (isRecord(v)) {
      if (typeof v['@id'] === 'string') out.push(expand(v['@id'], context));
      for (const t of values(v['@type'])) if (typeof t === 'string') out.push(expand(t, context));
    }
  }
  return out;
}
