// What the background hands the declared-practices readers: raw, untrusted material gathered from the page,
// its cookies, its well-known files and its response headers. Everything here is data the page controls.

/** Result of fetching a site's well-known file (without cookies, short timeout, size cap). */
export type WellKnownFetch =
  | { ok: true; url: string; status: number; contentType: string; body: string; truncated: boolean }
  | { ok: false; url: string; error: string; status?: number };

export interface PageCookie {
  name: string;
  value: string;
  domain: string;
}
