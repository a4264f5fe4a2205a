// Browser differences, each in one named function with the reason.
import browser from 'webextension-polyfill';
import { decodeByteString } from '../core/observe/byte-string.ts';

/** Firefox (only) can resolve CNAMEs, which uncloaks trackers disguised as first-party subdomains. */
export function hasDnsApi(): boolean {
  return __CANDOR_BROWSER__ === 'firefox' && typeof (browser as unknown as { dns?: unknown }).dns === 'object';
}

/**
 * Text the browser hands over from its network stack: Firefox gives cookie names and values (cookies API) and header
 * values (webRequest) as byte strings, one character per UTF-8 byte; Chromium gives them decoded already (a header
 * that is not UTF-8 comes as `binaryValue` there), so decoding it again could only garble real Latin-1 text.
 */
export const NETWORK_TEXT_IS_BYTES = __CANDOR_BROWSER__ === 'firefox';

export function networkText(text: string): string {
  return NETWORK_TEXT_IS_BYTES ? decodeByteString(text) : text;
}

/** Chromium's storage.session defaults to trusted contexts only, which is what Candor wants; nothing to change. */
export const sessionStorageArea = () => browser.storage.session;

/** The running browser's name and version, for the report's `tool.browser`. */
export async function browserName(): Promise<string> {
  const runtime = browser.runtime as unknown as { getBrowserInfo?: () => Promise<{ name: string; version: string }> };
  if (runtime.getBrowserInfo) {
    const info = await runtime.getBrowserInfo();
    return `${info.name} ${info.version}`;
  }
  // Chromium's user-agent string says 156.0.0.0; its client hints give the full version
  const hints = (globalThis.navigator as { userAgentData?: UserAgentData } | undefined)?.userAgentData;
  try {
    // never let the worker's start wait on it: at most 1 s
    const values = hints ? await Promise.race([hints.getHighEntropyValues(['fullVersionList']), new Promise<undefined>((resolve) => setTimeout(resolve, 1000))]) : undefined;
    const full = values?.fullVersionList ?? [];
    const named = full.find((b) => b.brand === 'Google Chrome') ?? full.find((b) => b.brand === 'Chromium');
    if (named) return `${named.brand} ${named.version}`;
  } catch {
    // no client hints: the user-agent string below
  }
  const ua = globalThis.navigator?.userAgent ?? '';
  const m = /Chrom(?:e|ium)\/([\d.]+)/.exec(ua);
  return m ? `Chromium ${m[1]}` : 'Chromium';
}

interface UserAgentData {
  getHighEntropyValues(hints: string[]): Promise<{ fullVersionList?: { brand: string; version: string }[] }>;
}
