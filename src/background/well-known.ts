// Fetches a site's own well-known files: without cookies, with a short timeout and a size cap, cached per origin.
import type { WellKnownFetch } from '../core/declared/input.ts';

const TIMEOUT_MS = 3000;
const MAX_BYTES = 64 * 1024;
const TTL_MS = 60 * 60 * 1000;
const cache = new Map<string, { at: number; result: Promise<WellKnownFetch> }>();

async function readCapped(response: Response): Promise<{ body: string; truncated: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { body: '', truncated: false };
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > MAX_BYTES) {
      truncated = true;
      await reader.cancel();
      break;
    }
  }
  const bytes = new Uint8Array(Math.min(total, MAX_BYTES));
  let offset = 0;
  for (const c of chunks) {
    const part = c.subarray(0, Math.max(0, Math.min(c.byteLength, bytes.byteLength - offset)));
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return { body: new TextDecoder().decode(bytes), truncated };
}

async function fetchOnce(url: string): Promise<WellKnownFetch> {
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) return { ok: false, url, status: response.status, error: `HTTP ${response.status}` };
    const { body, truncated } = await readCapped(response);
    return { ok: true, url, status: response.status, contentType: response.headers.get('content-type') ?? '', body, truncated };
  } catch (error) {
    return { ok: false, url, error: error instanceof Error ? error.message : String(error) };
  }
}

export function fetchWellKnown(pageUrl: string, path: string, now: number): Promise<WellKnownFetch> | null {
  let origin: string;
  try {
    const u = new URL(pageUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    origin = u.origin;
  } catch {
    return null;
  }
  const url = origin + path;
  const hit = cache.get(url);
  if (hit && now - hit.at < TTL_MS) return hit.result;
  const result = fetchOnce(url);
  if (cache.size > 500) cache.clear();
  cache.set(url, { at: now, result });
  return result;
}
