import { describe, expect, test } from 'vitest';
import { cookieHeuristic } from '../../../src/core/cookies/cookie-heuristics.ts';

const YEAR = 365 * 86_400;

describe('cookieHeuristic', () => {
  test.each([
    [{ name: 'my_consent_state' }, 'functional', 'consent'],
    [{ name: 'cookie_notice_closed' }, 'functional', 'consent'],
    [{ name: 'app_csrf' }, 'necessary', 'CSRF'],
    [{ name: 'test_cookie' }, 'functional', 'cookie-support test'],
    [{ name: 'cookies_enabled' }, 'functional', 'cookie-support test'],
    [{ name: 'antiCsrfToken' }, 'necessary', 'CSRF'],
    [{ name: 'shop_cart', lifetimeSeconds: 86_400 }, 'functional', 'cart'],
    [{ name: 'auth_state' }, 'functional', 'authentication'],
    [{ name: 'app-session', lifetimeSeconds: null }, 'functional', 'session'],
    [{ name: 'mysite_sessid' }, 'functional', 'session'],
    [{ name: '__Host-x' }, 'functional', '__Host-'],
    [{ name: 'site_lang' }, 'functional', 'preference'],
    [{ name: 'preferredCurrency' }, 'functional', 'preference'],
    [{ name: 'ui-theme' }, 'functional', 'preference'],
    [{ name: 'utm_source_first' }, 'advertising', 'campaign'],
    [{ name: 'affiliate_ref' }, 'advertising', 'campaign'],
    [{ name: 'site_analytics_id' }, 'analytics', 'analytics'],
    [{ name: 'ab_test_bucket' }, 'analytics', 'experiments'],
    [{ name: 'site_cookiebot_state' }, 'functional', 'consent manager'],
    [{ name: 'OnetrustActiveGroups' }, 'functional', 'consent manager'],
    [{ name: 'api_token' }, 'functional', 'authentication'],
    [{ name: 'return_to' }, 'functional', 'send the visitor back'],
    [{ name: 'redirectUrl' }, 'functional', 'send the visitor back'],
    [{ name: 'utm_cmp' }, 'advertising', 'campaign'],
    [{ name: 'ad_pixel' }, 'advertising', 'campaign'],
    // the screen's pixel ratio is a display setting, not an ad pixel
    [{ name: 'devicePixelRatio' }, 'functional', 'preference'],
  ])('%j → %s', (input, purpose, why) => {
    const verdict = cookieHeuristic(input);
    expect(verdict?.purpose).toBe(purpose);
    expect(verdict?.detail).toContain(why);
  });

  test.each([
    [{ name: 'foo' }],
    [{ name: 'x1' }],
    [{ name: '' }],
    [{ name: 'device_uid', lifetimeSeconds: null }],
    [{ name: 'tokenizer_state' }],
    [{ name: 'referrer' }],
    // session-like name that lives two years with a random id is no session
    [{ name: 'app_session', lifetimeSeconds: 2 * YEAR }],
  ])('nothing convincing: %j', (input) => {
    const verdict = cookieHeuristic(input);
    expect(verdict === null || verdict.purpose === 'unknown').toBe(true);
  });

  test('a long-lived random identifier is flagged but not given a purpose', () => {
    const verdict = cookieHeuristic({ name: 'zq', value: 'a8F3kL0pQ9xZ2mN7vB4c', lifetimeSeconds: 2 * YEAR });
    expect(verdict).toMatchObject({ purpose: 'unknown' });
    expect(verdict?.detail).toContain('identifier');
  });

  test('a long-lived cart cookie carrying a random id is not called functional', () => {
    const verdict = cookieHeuristic({ name: 'cart', value: 'a8F3kL0pQ9xZ2mN7vB4c', lifetimeSeconds: 2 * YEAR });
    expect(verdict?.purpose).not.toBe('functional');
  });

  test.each([
    ['widget_id', 'a8F3kL0pQ9xZ2mN7vB4c', 'unknown'],
    ['playerId', '5f0c9a7b3d2e48e1a6b2', 'unknown'],
    // a setting is still a setting, and a short-lived or non-random one keeps its purpose
    ['widget_theme', 'a8F3kL0pQ9xZ2mN7vB4c', 'functional'],
    ['widget_id', 'dark', 'functional'],
  ])('a long-lived %s=%s is %s', (name, value, purpose) => {
    expect(cookieHeuristic({ name, value, lifetimeSeconds: YEAR })?.purpose).toBe(purpose);
  });

  test('a widget id for an hour keeps its purpose', () => {
    expect(cookieHeuristic({ name: 'widget_id', value: 'a8F3kL0pQ9xZ2mN7vB4c', lifetimeSeconds: 3600 })?.purpose).toBe('functional');
  });

  test('hostile names do not throw', () => {
    expect(() => cookieHeuristic({ name: `${'session_'.repeat(10_000)}!` })).not.toThrow();
  });
});

