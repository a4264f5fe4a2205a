// The CLI reports a banner click next to what the site recorded on the next visit.
import { describe, expect, test } from 'vitest';
import { verified } from '../../../src/cli/check.ts';
import { recorded, visit } from '../findings/builders.ts';

const click = { cmp: 'Cybotcookiebot', action: 'accept', ok: true, detail: 'accepted through Cybotcookiebot with autoconsent' };

describe('verified', () => {
  test('a click after which the consent manager still records no choice says so, and stays a click', () => {
    const lines: string[] = [];
    const out = verified(click, visit({ consent: { recorded: recorded({ source: 'cmp:cookiebot', choiceMade: false }) } }), 'after-accept', {
      progress: (l: string) => lines.push(l),
    } as never);
    expect(out.ok).toBe(true);
    expect(out.detail).toBe('accepted through Cybotcookiebot with autoconsent; but on the next visit cmp:cookiebot still recorded no choice');
    expect(lines).toEqual(['after-accept: but on the next visit cmp:cookiebot still recorded no choice']);
  });

  test.each([
    ['a recorded choice', recorded({ source: 'cmp:cookiebot', choiceMade: true })],
    ['nothing recorded', null],
    ['Consent Mode defaults only', recorded({ source: 'consent-mode', choiceMade: false })],
  ])('unchanged with %s', (_, rec) => {
    expect(verified(click, visit({ consent: { recorded: rec } }), 'after-accept', {} as never)).toEqual(click);
  });

  test('a failed click is left as it is', () => {
    const failed = { ...click, ok: false, detail: 'autoconsent could not accept through Cybotcookiebot' };
    expect(verified(failed, visit({ consent: { recorded: recorded({ choiceMade: false }) } }), 'after-accept', {} as never)).toEqual(failed);
  });
});
