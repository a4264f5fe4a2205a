// File names of per-site reports: readable (the host name) and unique per normalized URL.
import { hashHex8 } from './hash.ts';

/** `<host>` for `https://<host>/`, else `<host>_<path…>-<hash>`; only [a-z0-9._-], at most ~120 characters. */
export function reportName(url: string): string {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '').replace(/[^a-z0-9.-]/gi, '_');
  if (u.protocol === 'https:' && !u.port && u.pathname === '/' && !u.search) return host;
  const rest = `${u.port ? `_${u.port}` : ''}${u.pathname}${u.search}`.replace(/[^a-z0-9.-]+/gi, '_').replace(/_+$/, '');
  const scheme = u.protocol === 'http:' ? 'http_' : '';
  const readable = `${scheme}${host}${rest}`.slice(0, 110).replace(/^\.+/, '_');
  return `${readable}-${hashHex8(url)}`;
}
