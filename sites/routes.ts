// Dynamic answers of the local internet: tracker endpoints that set cookies, the demo's privacy page rendered
// from the seed statement, and vanilla-cookieconsent served under its CDN name from node_modules.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route, SiteRequest } from './internet.ts';

const here = dirname(fileURLToPath(import.meta.url));
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function corsFor(req: SiteRequest): Record<string, string> {
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : '*';
  return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
}

/** The privacy statement as the demo site's privacy page: headings, numbered points and bullets kept. */
export function privacyPage(statement: string): string {
  const lines = statement.split('\n');
  const body = lines
    .filter((line, i) => i > 0 || line.trim() !== 'Privacy Statement')
    .map((line) => {
      const text = line.trim();
      if (!text) return '';
      if (!line.startsWith(' ') && text.length < 80 && !/[.:]$/.test(text)) return `<h2>${escapeHtml(text)}</h2>`;
      if (text.startsWith('•')) return `<p class="bullet">${escapeHtml(text)}</p>`;
      return `<p>${escapeHtml(text)}</p>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy Statement — Northwind Coffee</title>
<link rel="stylesheet" href="/css/site.css"></head><body><header class="top"><a class="brand" href="/">Northwind Coffee</a></header>
<main><h1>Privacy Statement</h1>${body}</main></body></html>`;
}

const routes: Route[] = [
  (req) => {
    if (req.host !== 'www.northwind-coffee.example' || !/^\/privacy\/?$/.test(req.url.pathname)) return null;
    const text = readFileSync(join(here, 'hosts/www.northwind-coffee.example/privacy/statement.txt'), 'utf8');
    return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: privacyPage(text) };
  },
  (req) =>
    req.host === 'region1.google-analytics.com' || req.host === 'www.google-analytics.com'
      ? { status: 204, headers: corsFor(req) }
      : null,
  (req) =>
    req.host === 'www.facebook.com' && req.url.pathname.startsWith('/tr')
      ? {
          headers: {
            'content-type': 'image/gif',
            // Meta's own third-party cookie on facebook.com (90 days).
            'set-cookie': `fr=0${Math.random().toString(36).slice(2)}..Bn${Date.now().toString(36)}; Domain=.facebook.com; Path=/; Max-Age=7776000; Secure; HttpOnly; SameSite=None`,
          },
          body: GIF,
        }
      : null,
  (req) =>
    req.host === 'in.hotjar.com' ? { headers: { 'content-type': 'application/json', ...corsFor(req) }, body: '{"success":true}' } : null,
  (req) => {
    if (req.host !== 'cdn.jsdelivr.net') return null;
    const m = /^\/npm\/vanilla-cookieconsent@[\d.]+\/dist\/(cookieconsent\.(?:umd\.js|css))$/.exec(req.url.pathname);
    if (!m?.[1]) return null;
    const file = join(here, '..', 'node_modules/vanilla-cookieconsent/dist', m[1]);
    const type = m[1].endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
    return { headers: { 'content-type': type, 'access-control-allow-origin': '*' }, body: readFileSync(file) };
  },
];

export const DEMO_URL = 'https://www.northwind-coffee.example/';
export const demoRoutes = routes;
export const DEMO_ROOT = join(here, 'hosts');
