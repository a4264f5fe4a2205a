// A DNS-over-HTTPS resolver for the local internet (RFC 8484, GET with `?dns=`), so that Firefox's `dns` API sees
// real answers, CNAME chains included: every name resolves to loopback, and the names in `cnames` first point
// elsewhere. Firefox asks it once it is its only resolver (`dohFirefoxPrefs`); its queries reach the internet's
// HTTPS server through the test proxy, like any page request.
import dnsPacket from 'dns-packet';
import type { Route } from './internet.ts';

export const DOH_HOST = 'doh.candor-test.example';

/** Firefox preferences that make the DoH route above its only resolver (TRR mode 3, no fallback to the system's). */
export function dohFirefoxPrefs(): Record<string, unknown> {
  return {
    'network.trr.mode': 3,
    'network.trr.uri': `https://${DOH_HOST}/dns-query`,
    'network.trr.useGET': true,
    'network.trr.bootstrapAddr': '127.0.0.1',
    'network.trr.confirmationNS': 'skip',
  };
}

/** Answers A and AAAA queries with loopback, following `cnames` (name → canonical name) first; logs each question. */
export function dohRoute(cnames: Readonly<Record<string, string>>, log: string[] = []): Route {
  return (req) => {
    if (req.host !== DOH_HOST || req.url.pathname !== '/dns-query') return null;
    const query = req.url.searchParams.get('dns');
    if (!query) return { status: 400, body: 'dns parameter missing' };
    let packet: dnsPacket.Packet;
    try {
      packet = dnsPacket.decode(Buffer.from(query, 'base64url'));
    } catch {
      return { status: 400, body: 'not a DNS message' };
    }
    const answers: dnsPacket.Answer[] = [];
    for (const question of packet.questions ?? []) {
      log.push(`${question.type} ${question.name}`);
      let name = question.name;
      for (let hop = 0; hop < 8 && cnames[name] !== undefined; hop++) {
        const target = cnames[name] as string;
        answers.push({ type: 'CNAME', class: 'IN', name, ttl: 60, data: target });
        name = target;
      }
      if (question.type === 'A') answers.push({ type: 'A', class: 'IN', name, ttl: 60, data: '127.0.0.1' });
      if (question.type === 'AAAA') answers.push({ type: 'AAAA', class: 'IN', name, ttl: 60, data: '::1' });
    }
    const body = dnsPacket.encode({
      id: packet.id ?? 0,
      type: 'response',
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
      questions: packet.questions ?? [],
      answers,
    });
    return { headers: { 'content-type': 'application/dns-message', 'cache-control': 'max-age=60' }, body };
  };
}
