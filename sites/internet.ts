// A local "internet": every host name is served on loopback, so pages really request www.google-analytics.com
// and friends while nothing leaves the machine. An HTTP proxy takes the browser's traffic: plain http:// requests
// arrive with absolute URLs; CONNECT host:443 is piped to one local HTTPS server that dispatches on the Host header.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { extname, join, normalize } from 'node:path';
import { selfSignedCert } from './cert.ts';

export interface SiteRequest {
  host: string;
  url: URL;
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}
export interface SiteResponse {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}
export type Route = (req: SiteRequest) => SiteResponse | null | Promise<SiteResponse | null>;

export interface InternetOptions {
  /** folders whose sub-folders are named after host names and hold static files */
  roots: string[];
  /** dynamic routes, tried before static files */
  routes?: Route[];
  /** every request served (tests look at what the browser really sent) */
  onRequest?: (req: SiteRequest) => void;
}

export interface Internet {
  proxyUrl: string;
  proxyPort: number;
  close(): Promise<void>;
  requests: SiteRequest[];
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

async function staticFile(roots: string[], host: string, path: string): Promise<SiteResponse | null> {
  for (const root of roots) {
    const base = join(root, host);
    let file = normalize(join(base, decodeURIComponent(path)));
    if (!file.startsWith(base)) return { status: 403, body: 'forbidden' };
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headersFile = `${file}.headers.json`;
      let headers: Record<string, string | string[]> = {};
      try {
        headers = JSON.parse(await readFile(headersFile, 'utf8')) as Record<string, string | string[]>;
      } catch {
        headers = {};
      }
      return { status: 200, headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers }, body };
    } catch {
      // try the next root
    }
  }
  return null;
}

export async function startInternet(options: InternetOptions): Promise<Internet> {
  const seen: SiteRequest[] = [];

  const serve = async (req: IncomingMessage, res: ServerResponse, scheme: 'http' | 'https'): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const hostHeader = req.headers.host ?? 'localhost';
    const url = new URL(req.url?.startsWith('http') ? req.url : `${scheme}://${hostHeader}${req.url ?? '/'}`);
    const site: SiteRequest = {
      host: url.hostname,
      url,
      method: req.method ?? 'GET',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8').slice(0, 100_000),
    };
    if (seen.length < 50_000) seen.push(site);
    options.onRequest?.(site);
    let answer: SiteResponse | null = null;
    try {
      for (const route of options.routes ?? []) {
        answer = await route(site);
        if (answer) break;
      }
      answer ??= await staticFile(options.roots, site.host, url.pathname);
    } catch (error) {
      answer = { status: 500, body: String(error) };
    }
    // Unknown hosts get 404: browsers still make a few background requests of their own.
    answer ??= { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found on the local internet' };
    // Headers set one by one, not with writeHead: Node then sends the body with its Content-Length, as most servers do
    // for a body they have whole (writeHead fixes the headers first, and the body goes chunked, its length unsaid).
    res.statusCode = answer.status ?? 200;
    for (const [name, value] of Object.entries({ 'cache-control': 'no-store', ...answer.headers })) res.setHeader(name, value);
    res.end(answer.body ?? '');
  };

  // WebSocket handshakes (session-replay and chat tools talk over them): logged like any request, accepted, closed.
  const upgrade = (req: IncomingMessage, socket: net.Socket, scheme: 'http' | 'https'): void => {
    const hostHeader = req.headers.host ?? 'localhost';
    const url = new URL(`${scheme === 'https' ? 'wss' : 'ws'}://${hostHeader}${req.url ?? '/'}`);
    if (seen.length < 50_000) seen.push({ host: url.hostname, url, method: req.method ?? 'GET', headers: req.headers, body: '' });
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.on('error', () => socket.destroy());
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    // a close frame (status 1000), then the socket ends
    socket.end(Buffer.from([0x88, 0x02, 0x03, 0xe8]));
  };

  const { key, cert } = selfSignedCert();
  const tls = https.createServer({ key, cert }, (req, res) => void serve(req, res, 'https'));
  const proxy = http.createServer((req, res) => void serve(req, res, 'http'));
  tls.on('upgrade', (req: IncomingMessage, socket: net.Socket) => upgrade(req, socket, 'https'));
  proxy.on('connect', (_req: IncomingMessage, client: net.Socket, head: Buffer) => {
    const port = (tls.address() as net.AddressInfo).port;
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  // Keep-alive sockets would hold close() open.
  const sockets = new Set<net.Socket>();
  for (const server of [tls, proxy]) {
    server.on('connection', (s: net.Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
  }
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyPort = (proxy.address() as net.AddressInfo).port;
  return {
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    proxyPort,
    requests: seen,
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise((r) => tls.close(r)), new Promise((r) => proxy.close(r))]);
    },
  };
}
