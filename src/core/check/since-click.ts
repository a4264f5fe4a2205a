// A phased check observes the visit after the banner click (the page reloaded with the choice in place). Cookies the
// page wrote between the click and that reload are then "already stored" when the observed visit starts, and would
// look as old as those written before the click. Comparing the clicked visit's cookies just before the (last) click
// with the same visit's cookies just before the reload tells them apart.
import { cookieKey as key } from '../observe/visit-state.ts';
import type { ObservedCookie } from '../types.ts';

/** Cookies written (set or changed, not removed) after the click: in `afterClick` and new or changed since `beforeClick`. */
export function writtenSinceClick(beforeClick: readonly ObservedCookie[], afterClick: readonly ObservedCookie[]): Map<string, ObservedCookie> {
  const before = new Map(beforeClick.map((c) => [key(c), c]));
  const written = new Map<string, ObservedCookie>();
  for (const c of afterClick) {
    if (c.removed === true) continue;
    const was = before.get(key(c));
    if (!was || was.removed === true || c.at > was.at || c.value !== was.value) written.set(key(c), c);
  }
  return written;
}

/**
 * The observed visit's cookies, where one that merely looked pre-existing was in fact written after the click: it
 * counts as the observed visit's own (at 0, not pre-existing), with the setter and purpose the clicked visit saw.
 */
export function withCookiesSinceClick(
  observed: readonly ObservedCookie[],
  beforeClick: readonly ObservedCookie[],
  afterClick: readonly ObservedCookie[],
): ObservedCookie[] {
  const written = writtenSinceClick(beforeClick, afterClick);
  return observed.map((c) => {
    const then = c.preexisting === true ? written.get(key(c)) : undefined;
    if (!then) return c;
    // what the clicked visit knew of it: setter and purpose (with what decided it), not the stale 'unknown'
    const { purposeDetail: _, independentPurpose: __, ...rest } = c;
    const { setBy, purpose, purposeSource, purposeDetail, independentPurpose } = then;
    return {
      ...rest,
      preexisting: false,
      at: 0,
      setBy,
      purpose,
      purposeSource,
      ...(purposeDetail !== undefined ? { purposeDetail } : {}),
      ...(independentPurpose !== undefined ? { independentPurpose } : {}),
    };
  });
}
