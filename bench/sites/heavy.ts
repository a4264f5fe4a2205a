// Pages for the browser benchmarks, served by the local internet (sites/internet.ts) as routes:
// - https://www.heavy-bench.example/ — a heavy page: 240 requests (first-party images, scripts and styles, and
//   the scripts and pixels of 26 third parties), 60+ cookies (first-party Set-Cookie and document.cookie, and
//   third-party Set-Cookie from trackers);
// - https://www.popup-bench.example/ — a very heavy one for the popup: 2,100 requests and ~350 cookies (140
//   first-party, under Chromium's 180 per site, and 8 from each third party).
// Every response is generated; cookie values change on every load, as real session and tracking ids do.
import type { Route, SiteRequest, SiteResponse } from '../../sites/internet.ts';

export const HEAVY_URL = 'https://www.heavy-bench.example/';
export const POPUP_URL = 'https://www.popup-bench.example/';

/** Third parties: real tracker and CDN host names (they resolve to the local internet). */
export const THIRD_PARTIES = [
  'www.googletagmanager.com',
  'www.google-analytics.com',
  'connect.facebook.net',
  'www.facebook.com',
  'static.hotjar.com',
  'cdn.segment.com',
  'bat.bing.com',
  'snap.licdn.com',
  'static.ads-twitter.com',
  'analytics.tiktok.com',
  'js.hs-scripts.com',
  'widget.intercom.io',
  'cdn.cookielaw.org',
  'sb.scorecardresearch.com',
  'pagead2.googlesyndication.com',
  'www.clarity.ms',
  'cdn.amplitude.com',
  's.pinimg.com',
  'ib.adnxs.com',
  'cdn.taboola.com',
  'js-agent.newrelic.com',
  'cdnjs.cloudflare.com',
  'cdn.jsdelivr.net',
  'fonts.gstatic.com',
  'images.benchcdn.net',
  'media.partner-bench.org',
] as const;

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const BENCH_HOSTS = new Set<string>([...THIRD_PARTIES, 'www.heavy-bench.example', 'www.popup-bench.example', 'static.popup-bench.example']);

function randomId(): string {
  return `${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}

function cookieHeaders(req: SiteRequest, count: number, prefix: string): string[] {
  const secure = req.url.protocol === 'https:';
  return Array.from(
    { length: count },
    (_, i) =>
      `${prefix}${i}=${randomId()}; Path=/; Max-Age=${86_400 * (1 + (i % 400))}${secure ? '; Secure; SameSite=None' : ''}`,
  );
}

interface PageShape {
  firstPartyImages: number;
  firstPartyScripts: number;
  perThirdParty: number;
  thirdParties: readonly string[];
  /** cookies set by the document's own Set-Cookie header */
  documentCookies: number;
  /** cookies set from script (document.cookie) */
  scriptCookies: number;
  /** Set-Cookie per third-party pixel response */
  thirdPartyCookies: number;
  /** extra first-party host for images (spreads cookies over more sites, under the per-domain limit) */
  imageHost: string;
}

const HEAVY: PageShape = {
  firstPartyImages: 120,
  firstPartyScripts: 16,
  perThirdParty: 4,
  thirdParties: THIRD_PARTIES,
  documentCookies: 20,
  scriptCookies: 15,
  thirdPartyCookies: 1,
  imageHost: 'www.heavy-bench.example',
};

const POPUP: PageShape = {
  firstPartyImages: 1500,
  firstPartyScripts: 40,
  perThirdParty: 22,
  thirdParties: THIRD_PARTIES,
  documentCookies: 60,
  scriptCookies: 80,
  thirdPartyCookies: 8,
  imageHost: 'static.popup-bench.example',
};

function page(shape: PageShape, title: string): string {
  const parts: string[] = [];
  for (let i = 0; i < shape.firstPartyScripts; i++) {
    parts.push(i % 2 ? `<script src="/js/chunk-${i}.js"></script>` : `<link rel="stylesheet" href="/css/part-${i}.css">`);
  }
  for (const host of shape.thirdParties) {
    parts.push(`<script async src="https://${host}/tag.js?site=bench"></script>`);
    for (let k = 1; k < shape.perThirdParty; k++) {
      parts.push(`<img alt="" width="1" height="1" src="https://${host}/pixel.gif?ev=view&n=${k}&cid=${randomId()}">`);
    }
  }
  for (let i = 0; i < shape.firstPartyImages; i++) {
    parts.push(`<img alt="" width="4" height="4" src="https://${shape.imageHost}/img/p${i}.gif?v=${i % 7}">`);
  }
  const script = `for (let i = 0; i < ${shape.scriptCookies}; i++) document.cookie = 'pref' + i + '=' + Math.random().toString(36).slice(2) + '; path=/; max-age=' + 3600 * (i + 1);
try { localStorage.setItem('bench-visits', String(Number(localStorage.getItem('bench-visits') || 0) + 1)); } catch {}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><script>${script}</script></head>
<body><h1>${title}</h1><p>A page with many requests, cookies and third parties.</p>${parts.join('\n')}</body></html>`;
}

function answer(req: SiteRequest): SiteResponse | null {
  if (!BENCH_HOSTS.has(req.host)) return null;
  const path = req.url.pathname;
  const cors = { 'access-control-allow-origin': '*' };
  if (path === '/' && req.host === 'www.heavy-bench.example') {
    return { headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': cookieHeaders(req, HEAVY.documentCookies, 'sess') }, body: page(HEAVY, 'Heavy bench page') };
  }
  if (path === '/' && req.host === 'www.popup-bench.example') {
    return { headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': cookieHeaders(req, POPUP.documentCookies, 'sess') }, body: page(POPUP, 'Popup bench page') };
  }
  const isPopup = (req.headers.referer ?? '').includes('popup-bench');
  const thirdParty = (THIRD_PARTIES as readonly string[]).includes(req.host);
  const setCookie = thirdParty ? cookieHeaders(req, isPopup ? POPUP.thirdPartyCookies : HEAVY.thirdPartyCookies, `${req.host.split('.')[0]}_id`) : [];
  const cookies = setCookie.length ? { 'set-cookie': setCookie } : {};
  if (path.endsWith('.js')) return { headers: { 'content-type': 'text/javascript', ...cors, ...cookies }, body: '/* bench */ void 0;\n' };
  if (path.endsWith('.css')) return { headers: { 'content-type': 'text/css', ...cors }, body: 'body { margin: 0 }\n' };
  if (path.endsWith('.gif')) {
    return { headers: { 'content-type': 'image/gif', ...cors, ...cookies }, body: GIF };
  }
  return { status: 404, body: 'not found' };
}

export const benchRoutes: Route[] = [answer];
