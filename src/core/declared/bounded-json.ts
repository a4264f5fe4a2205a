// A bounded copy of untrusted data into plain JSON values. Everything from the page goes through here (or the
// collector's twin) before anyone reads it: depth, breadth, string length and total size are capped, cycles end
// at the depth cap, and only own enumerable data of plain objects and arrays survives.

export interface JsonLimits {
  depth: number;
  keys: number;
  items: number;
  string: number;
  /** total number of values copied */
  nodes: number;
}

export const DEFAULT_LIMITS: JsonLimits = { depth: 12, keys: 200, items: 500, string: 16_384, nodes: 20_000 };

/** A plain JSON copy of `value`, or `undefined` for what JSON cannot hold (functions, symbols, bigints, over the caps). */
export function toBoundedJson(value: unknown, limits: JsonLimits = DEFAULT_LIMITS): unknown {
  const budget = { nodes: limits.nodes };
  return copy(value, limits, budget, 0);
}

function copy(value: unknown, limits: JsonLimits, budget: { nodes: number }, depth: number): unknown {
  if (budget.nodes <= 0) return undefined;
  budget.nodes -= 1;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.length > limits.string ? value.slice(0, limits.string) : value;
  if (typeof value !== 'object' || depth >= limits.depth) return undefined;
  try {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      const n = Math.min(value.length, limits.items);
      for (let i = 0; i < n; i++) {
        const item = copy(value[i], limits, budget, depth + 1);
        out.push(item === undefined ? null : item);
      }
      return out;
    }
    const entries: [string, unknown][] = [];
    for (const key of Object.keys(value).slice(0, limits.keys)) {
      // `__proto__` would become the prototype on plain assignment; it is never a meaningful key here.
      if (key === '__proto__') continue;
      const item = copy((value as Record<string, unknown>)[key], limits, budget, depth + 1);
      if (item !== undefined) entries.push([key, item]);
    }
    return Object.fromEntries(entries);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string itself when `value` is a string no longer than `max`, else null. */
export function cappedString(value: unknown, max: number): string | null {
  return typeof value === 'string' ? value.slice(0, max) : null;
}
