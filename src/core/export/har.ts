// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) of the visits' requests, loadable in browser
// devtools. Headers appear only where the check recorded them; unknown sizes and times follow the spec's -1/0.
import type { ObservedRequest, Report, Visit } from '../types.ts';
import { safeUri } from './escape.ts';

export interface HarOptions {
  /** version of the program writing the HAR (the CLI's), for `log.creator.version` */
  creatorVersion: string;
}

interface NameValue {
  name: string;
  value: string;
}

interface HarCookie extends NameValue {
  path?: string;
  domain?: string;
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
}

// webRequest resource types → the `_resourceType` Chromium DevTools reads on import.
const DEVTOOLS_TYPES: Record<string, string> = {
  main_frame: 'document',
  sub_frame: 'document',
  stylesheet: 'stylesheet',
  script: 'script',
  image: 'image',
  imageset: 'image',
  font: 'font',
  xmlhttprequest: 'xhr',
  ping: 'ping',
  beacon: 'ping',
  media: 'media',
  websocket: 'websocket',
  csp_report: 'csp-violation-report',
};

function headerList(headers: readonly [string, string][] | undefined): NameValue[] {
  return (headers ?? []).map(([name, value]) => ({ name, value }));
}

function header(headers: readonly [string, string][] | undefined, name: string): string | undefined {
  return headers?.find(([n]) => n.toLowerCase() === name)?.[1];
}

function queryString(url: string): NameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** `Cookie: a=1; b=2` → name/value pairs. */
function requestCookies(cookieHeader: string | undefined): HarCookie[] {
  if (cookieHeader === undefined) return [];
  return cookieHeader
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? { name: '', value: part } : { name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() };
    });
}

/** One `Set-Cookie` line → a HAR cookie (attributes as far as HAR has fields for them). */
function responseCookie(line: string): HarCookie {
  const [pair = '', ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  const cookie: HarCookie =
    eq < 0 ? { name: '', value: pair.trim() } : { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'path') cookie.path = value;
    else if (key === 'domain') cookie.domain = value;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'expires') {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) cookie.expires = new Date(time).toISOString();
    }
  }
  return cookie;
}

function safeUriOrUndefined(url: string | undefined): string | undefined {
  return url === undefined ? undefined : safeUri(url);
}

function isoAt(visit: Visit, at: number): string {
  const start = Date.parse(visit.startedAt);
  return Number.isNaN(start) ? visit.startedAt : new Date(start + Math.max(0, at)).toISOString();
}

function entry(visit: Visit, pageref: string, request: ObservedRequest): Record<string, unknown> {
  const sentHeaders = request.headers?.request;
  const receivedHeaders = request.headers?.response;
  // the redirect target: the Location header where recorded, else the request that names this one as its origin
  const redirectURL =
    header(receivedHeaders, 'location') ??
    safeUriOrUndefined(visit.observed.requests.find((r) => r.redirectedFrom === request.url)?.url) ??
    '';
  const response: Record<string, unknown> = {
    status: request.status ?? 0,
    statusText: '',
    httpVersion: '',
    headers: headerList(receivedHeaders),
    cookies: (receivedHeaders ?? []).filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => responseCookie(v)),
    content: { size: request.size ?? 0, mimeType: header(receivedHeaders, 'content-type') ?? 'x-unknown' },
    redirectURL,
    headersSize: -1,
    bodySize: request.fromCache ? 0 : (request.size ?? -1),
  };
  if (request.error !== undefined) response._error = request.error;
  const result: Record<string, unknown> = {
    pageref,
    startedDateTime: isoAt(visit, request.at),
    time: 0,
    request: {
      method: request.method,
      url: safeUri(request.url),
      httpVersion: '',
      headers: headerList(sentHeaders),
      queryString: queryString(request.url),
      cookies: requestCookies(header(sentHeaders, 'cookie')),
      headersSize: -1,
      bodySize: -1,
    },
    response,
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _resourceType: DEVTOOLS_TYPES[request.type] ?? 'other',
    _candor: {
      phase: visit.phase,
      at: request.at,
      type: request.type,
      party: request.party,
      site: request.site,
      tracker: request.tracker,
      sent: request.sent,
      ...(request.initiator === undefined ? {} : { initiator: request.initiator }),
      ...(request.redirectedFrom === undefined ? {} : { redirectedFrom: request.redirectedFrom }),
      ...(request.cname === undefined ? {} : { cname: request.cname }),
      ...(request.fromCache === undefined ? {} : { fromCache: request.fromCache }),
      ...(request.frameId === undefined ? {} : { frameId: request.frameId }),
      ...(request.serviceWorker ? { serviceWorker: true } : {}),
    },
  };
  if (request.remoteIp !== undefined) result.serverIPAddress = request.remoteIp;
  return result;
}

/** `Chromium 156.0.8078.108` → name and version (the last word is the version where it starts with a digit). */
function browserOf(tool: string): NameValue {
  const match = /^(.*\S)\s+(\d\S*)$/.exec(tool.trim());
  return match ? { name: match[1] ?? tool, value: match[2] ?? '' } : { name: tool, value: '' };
}

export function formatHar(report: Report, options: HarOptions): string {
  const seen = new Map<string, number>();
  const pages = report.visits.map((visit) => {
    // page ids must be unique; a second visit of the same phase gets a suffix
    const n = (seen.get(visit.phase) ?? 0) + 1;
    seen.set(visit.phase, n);
    return { visit, id: n === 1 ? visit.phase : `${visit.phase}-${n}` };
  });
  const browser = browserOf(report.tool.browser);
  const log = {
    version: '1.2',
    creator: { name: 'candor', version: options.creatorVersion },
    browser: { name: browser.name, version: browser.value },
    pages: pages.map(({ visit, id }) => ({
      startedDateTime: visit.startedAt,
      id,
      title: visit.url,
      pageTimings: { onContentLoad: -1, onLoad: -1 },
      _candor: { phase: visit.phase, gpcSent: visit.gpcSent },
    })),
    entries: pages.flatMap(({ visit, id }) =>
      [...visit.observed.requests].sort((a, b) => a.at - b.at).map((request) => entry(visit, id, request)),
    ),
    comment: `candor ${report.tool.version} check of ${report.site}; tracker database ${report.tool.trackerDb}`,
  };
  return `${JSON.stringify({ log }, null, 2)}\n`;
}
