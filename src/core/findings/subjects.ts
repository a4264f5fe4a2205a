// Turn observed data into the subjects the texts talk about.
import { hostOf } from '../party.ts';
import type { ObservedCookie, Purpose } from '../types.ts';
import type { CookieSubject, RequestSubject } from './texts.ts';
import type { RequestGroup } from './tracking.ts';

export function cookieSubject(cookie: ObservedCookie, purpose: Purpose = cookie.purpose): CookieSubject {
  const url = cookie.setBy?.url;
  return {
    name: cookie.name,
    domain: cookie.domain,
    purpose,
    setter: typeof url === 'string' ? hostOf(url) || null : null,
    partitioned: typeof cookie.partitionKey === 'string' && cookie.partitionKey !== '',
  };
}

export function requestSubject(group: RequestGroup): RequestSubject {
  return {
    label: group.label,
    organization: group.organization,
    purpose: group.purpose ?? 'unknown',
    count: group.requests.length,
  };
}
