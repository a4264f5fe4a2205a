// A realistic mix of requests for the classify benchmark: page loads of made-up sites, each with its own
// documents, scripts, styles, images, fonts and API calls, its CDN and image hosts, common public CDNs, and a
// minority of well-known trackers (about one request in seven, as on a typical news or shop page).
// Deterministic: the same seed gives the same requests.
import { seededRandom } from './stats.ts';

export interface BenchRequest {
  url: string;
  sourceUrl: string;
  type: string;
}

const WORDS = ['north', 'river', 'maple', 'lumen', 'cobalt', 'harbor', 'atlas', 'pine', 'ember', 'quartz', 'vista', 'orbit'];
const TLDS = ['com', 'co.uk', 'de', 'fr', 'net', 'org', 'io', 'com.au', 'nl', 'es'];
const PUBLIC_CDNS = [
  'https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js',
  'https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css',
  'https://fonts.googleapis.com/css2?family=Inter:wght@400;600&display=swap',
  'https://fonts.gstatic.com/s/inter/v13/UcCO3FwrK3iLTeHuS_fvQtMwCp50KnMw2boKoduKmMEVuLyfAZ9hiA.woff2',
  'https://unpkg.com/react@18.3.1/umd/react.production.min.js',
  'https://ajax.googleapis.com/ajax/libs/webfont/1.6.26/webfont.js',
  'https://code.jquery.com/jquery-3.7.1.min.js',
  'https://cdn.shopify.com/s/files/1/0262/4071/2726/files/logo.png?v=1614302543',
  'https://images.unsplash.com/photo-1495474472287-4d71bcdd2085?w=800&q=80',
  'https://use.typekit.net/abc1def.css',
];
/** Trackers as sites embed them: tag managers, analytics beacons, ad pixels, session replay, chat. */
const TRACKERS: readonly ((r: () => number, page: string) => [string, string])[] = [
  (r) => [`https://www.googletagmanager.com/gtm.js?id=GTM-${id(r, 7).toUpperCase()}`, 'script'],
  (r) => [`https://www.googletagmanager.com/gtag/js?id=G-${id(r, 10).toUpperCase()}`, 'script'],
  (r, p) => [`https://region1.google-analytics.com/g/collect?v=2&tid=G-${id(r, 10).toUpperCase()}&cid=${num(r)}.${num(r)}&dl=${encodeURIComponent(p)}&en=page_view`, 'ping'],
  () => ['https://www.google-analytics.com/analytics.js', 'script'],
  () => ['https://connect.facebook.net/en_US/fbevents.js', 'script'],
  (r, p) => [`https://www.facebook.com/tr/?id=${num(r)}&ev=PageView&dl=${encodeURIComponent(p)}&rl=&if=false&ts=${Date.UTC(2026, 0, 1)}`, 'image'],
  (r) => [`https://securepubads.g.doubleclick.net/tag/js/gpt.js?v=${num(r) % 1000}`, 'script'],
  (r) => [`https://stats.g.doubleclick.net/g/collect?v=2&tid=G-${id(r, 10).toUpperCase()}&cid=${num(r)}`, 'xmlhttprequest'],
  (r) => [`https://static.hotjar.com/c/hotjar-${num(r) % 9_000_000}.js?sv=6`, 'script'],
  () => ['https://cdn.segment.com/analytics.js/v1/abcDEF123/analytics.min.js', 'script'],
  (r) => [`https://bat.bing.com/action/0?ti=${num(r) % 100_000_000}&evt=pageLoad&mid=${id(r, 32)}`, 'image'],
  () => ['https://snap.licdn.com/li.lms-analytics/insight.min.js', 'script'],
  (r) => [`https://px.ads.linkedin.com/collect/?pid=${num(r) % 10_000_000}&fmt=gif`, 'image'],
  () => ['https://static.ads-twitter.com/uwt.js', 'script'],
  (r) => [`https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=${id(r, 20).toUpperCase()}&lib=ttq`, 'script'],
  () => ['https://js.hs-scripts.com/1234567.js', 'script'],
  () => ['https://widget.intercom.io/widget/abcd1234', 'script'],
  (r) => [`https://cdn.cookielaw.org/scripttemplates/otSDKStub.js?did=${id(r, 8)}`, 'script'],
  () => ['https://consent.cookiebot.com/uc.js', 'script'],
  (r) => [`https://sb.scorecardresearch.com/b?c1=2&c2=${num(r) % 10_000_000}&ns_type=hidden`, 'image'],
  (r) => [`https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-${num(r)}`, 'script'],
  (r) => [`https://www.clarity.ms/tag/${id(r, 10)}`, 'script'],
  (r) => [`https://cdn.amplitude.com/libs/analytics-browser-2.11.1-min.js.gz?x=${num(r) % 10}`, 'script'],
  (r) => [`https://api-js.mixpanel.com/track/?data=${id(r, 60)}&ip=1&_=${num(r)}`, 'xmlhttprequest'],
  () => ['https://www.youtube.com/iframe_api', 'script'],
  (r) => [`https://www.youtube.com/embed/${id(r, 11)}?rel=0`, 'sub_frame'],
  (r) => [`https://s.pinimg.com/ct/core.js?v=${num(r) % 100}`, 'script'],
  (r) => [`https://ib.adnxs.com/getuid?https%3A%2F%2Fx.example%2Fsync%3Fuid%3D%24UID&r=${num(r)}`, 'image'],
  (r) => [`https://cdn.taboola.com/libtrc/${WORDS[Math.floor(r() * WORDS.length)]}-network/loader.js`, 'script'],
  (r) => [`https://js-agent.newrelic.com/nr-spa-1.${num(r) % 300}.0.min.js`, 'script'],
];

function id(r: () => number, length: number): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < length; i++) s += chars[Math.floor(r() * chars.length)];
  return s;
}

function num(r: () => number): number {
  return Math.floor(r() * 2_000_000_000);
}

function pick<T>(r: () => number, list: readonly T[]): T {
  const item = list[Math.floor(r() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

/** `count` requests from page loads of `sites` made-up sites; about `trackerShare` of them to trackers. */
export function mixedRequests(count: number, seed = 20260126, trackerShare = 0.14, sites = 60): BenchRequest[] {
  const r = seededRandom(seed);
  const siteList = Array.from({ length: sites }, (_, i) => {
    const name = `${pick(r, WORDS)}${pick(r, WORDS)}${i}`;
    const tld = pick(r, TLDS);
    return { www: `www.${name}.${tld}`, static: `static.${name}.${tld}`, cdn: `${name}-cdn.net`, api: `api.${name}.${tld}`, name };
  });
  const out: BenchRequest[] = [];
  while (out.length < count) {
    const site = pick(r, siteList);
    const path = pick(r, ['', 'products/', 'news/2026/01/', 'blog/', 'account/', 'search']);
    const page = `https://${site.www}/${path}${path.endsWith('/') ? `${pick(r, WORDS)}-${num(r) % 10_000}` : ''}${path === 'search' ? `?q=${pick(r, WORDS)}` : ''}`;
    out.push({ url: page, sourceUrl: page, type: 'main_frame' });
    const perPage = 30 + Math.floor(r() * 60);
    for (let i = 0; i < perPage && out.length < count; i++) {
      const roll = r();
      if (roll < trackerShare) {
        const [url, type] = pick(r, TRACKERS)(r, page);
        out.push({ url, sourceUrl: page, type });
      } else if (roll < trackerShare + 0.08) {
        out.push({ url: pick(r, PUBLIC_CDNS), sourceUrl: page, type: pick(r, ['script', 'stylesheet', 'font', 'image']) });
      } else if (roll < trackerShare + 0.3) {
        const ext = pick(r, ['js', 'css', 'woff2', 'png', 'jpg', 'webp', 'svg']);
        const host = r() < 0.5 ? site.static : site.cdn;
        const type = ext === 'js' ? 'script' : ext === 'css' ? 'stylesheet' : ext === 'woff2' ? 'font' : 'image';
        out.push({ url: `https://${host}/assets/${id(r, 8)}/${pick(r, WORDS)}.${id(r, 8)}.${ext}`, sourceUrl: page, type });
      } else if (roll < trackerShare + 0.4) {
        out.push({
          url: `https://${site.api}/v2/${pick(r, ['cart', 'session', 'products', 'recommendations', 'stock'])}?locale=en-GB&page=${num(r) % 20}`,
          sourceUrl: page,
          type: 'xmlhttprequest',
        });
      } else {
        const ext = pick(r, ['js', 'css', 'png', 'jpg', 'webp', 'svg', 'gif', 'json']);
        const type = ext === 'js' ? 'script' : ext === 'css' ? 'stylesheet' : ext === 'json' ? 'xmlhttprequest' : 'image';
        const dir = pick(r, ['static', 'media', 'img', 'wp-content/uploads/2025/11', '_next/static/chunks', 'assets']);
        out.push({ url: `https://${site.www}/${dir}/${pick(r, WORDS)}-${id(r, 6)}.${ext}${r() < 0.3 ? `?v=${num(r) % 1000}` : ''}`, sourceUrl: page, type });
      }
    }
  }
  return out;
}
