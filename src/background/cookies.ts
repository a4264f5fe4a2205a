// cookies.onChanged glue: every set, change and removal, attributed to the visits it belongs to.
import browser, { type Cookies } from 'webextension-polyfill';
import { cookieBelongsTo, type RawCookie, recordCookie } from '../core/observe/visit-state.ts';
import { networkText } from '../shared/quirks.ts';
import { allTabs, markDirty } from './tab-store.ts';

/** Both browsers report a partition key object (`{ topLevelSite }`) for CHIPS / Total Cookie Protection cookies. */
function partitionOf(cookie: Cookies.Cookie): string | undefined {
  const key = (cookie as { partitionKey?: { topLevelSite?: string } }).partitionKey;
  return key?.topLevelSite || undefined;
}

export function toRawCookie(cookie: Cookies.Cookie): RawCookie {
  const raw: RawCookie = {
    name: networkText(cookie.name),
    value: networkText(cookie.value),
    domain: cookie.domain,
    path: networkText(cookie.path),
    hostOnly: cookie.hostOnly,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite,
    session: cookie.session,
  };
  if (cookie.expirationDate !== undefined) raw.expirationDate = cookie.expirationDate;
  const partitionKey = partitionOf(cookie);
  if (partitionKey) raw.partitionKey = partitionKey;
  return raw;
}

export function registerCookieListener(ready: Promise<unknown>): void {
  browser.cookies.onChanged.addListener((change) => {
    const now = Date.now();
    void ready.then(() => {
      try {
        // An overwrite is reported as a removal followed by the new cookie: keep only the new one.
        if (change.removed && change.cause === 'overwrite') return;
        const raw = toRawCookie(change.cookie);
        for (const state of allTabs()) {
          if (!cookieBelongsTo(state, raw)) continue;
          recordCookie(state, raw, change.removed, now);
          markDirty(state);
        }
      } catch (error) {
        console.warn('Candor: cookie event skipped', error);
      }
    });
  });
}
