import { describe, expect, test } from 'vitest';
import { findPolicyLink } from '../../../src/core/declared/policy-link.ts';
import type { PageLink } from '../../../src/core/declared/snapshot.ts';

const PAGE = 'https://www.shop.example/products/item?id=1';
const a = (text: string, href: string, inFooter = true, rel = ''): PageLink => ({ text, href, inFooter, rel });
const noise = [a('Home', '/'), a('Contact', '/contact'), a('Imprint', '/imprint'), a('Careers', 'https://jobs.shop.example/')];

describe('findPolicyLink', () => {
  test.each<[string, PageLink[], string, string]>([
    ['English', [a('Privacy Policy', '/legal/privacy-policy')], 'https://www.shop.example/legal/privacy-policy', 'text'],
    ['English notice', [a('Privacy Notice', '/notice')], 'https://www.shop.example/notice', 'text'],
    ['German', [a('Datenschutzerklärung', '/datenschutz')], 'https://www.shop.example/datenschutz', 'text'],
    ['German short', [a('Datenschutz', '/ds')], 'https://www.shop.example/ds', 'text'],
    ['French', [a('Politique de confidentialité', '/politique-de-confidentialite')], 'https://www.shop.example/politique-de-confidentialite', 'text'],
    ['Spanish', [a('Política de privacidad', '/politica-de-privacidad')], 'https://www.shop.example/politica-de-privacidad', 'text'],
    ['Italian', [a('Informativa sulla privacy', '/informativa')], 'https://www.shop.example/informativa', 'text'],
    ['Dutch beleid', [a('Privacybeleid', '/privacybeleid')], 'https://www.shop.example/privacybeleid', 'text'],
    ['Dutch verklaring', [a('Privacyverklaring', '/pv')], 'https://www.shop.example/pv', 'text'],
    ['upper case and extra spaces', [a('  PRIVACY   POLICY ', '/p')], 'https://www.shop.example/p', 'text'],
    ['address only (icon link)', [a('', '/en/privacy-policy/')], 'https://www.shop.example/en/privacy-policy/', 'href'],
    ['absolute URL elsewhere', [a('Privacy Policy', 'https://legal.shopgroup.example/privacy')], 'https://legal.shopgroup.example/privacy', 'text'],
    ['rel on an anchor wins over text', [a('Privacy Policy', '/a'), a('Legal', '/b', true, 'noopener privacy-policy')], 'https://www.shop.example/b', 'rel'],
    ['cookie policy as a fallback', [a('Cookie Policy', '/cookies')], 'https://www.shop.example/cookies', 'cookie-policy'],
    ['privacy policy beats cookie policy', [a('Cookie-Richtlinie', '/cookie-richtlinie'), a('Datenschutzerklärung', '/datenschutz')], 'https://www.shop.example/datenschutz', 'text'],
    ['footer link beats the same text elsewhere', [a('Privacy policy', '/blog/privacy-post', false), a('Privacy policy', '/privacy', true)], 'https://www.shop.example/privacy', 'text'],
  ])('%s', (_name, anchors, url, via) => {
    const reading = findPolicyLink(PAGE, { privacyPolicy: [], anchors: [...noise, ...anchors] });
    expect(reading.policyUrl).toBe(url);
    expect(reading.source).toMatchObject({ kind: 'privacy-policy-link', valid: true, detail: { url, via } });
  });

  test('<link rel="privacy-policy"> comes first', () => {
    const reading = findPolicyLink(PAGE, { privacyPolicy: ['javascript:void(0)', '/privacy'], anchors: [a('Privacy Policy', '/other')] });
    expect(reading.policyUrl).toBe('https://www.shop.example/privacy');
    expect(reading.source?.detail).toMatchObject({ via: 'rel' });
  });

  test.each<[string, PageLink[]]>([
    ['nothing relevant', noise],
    ['javascript: and mailto: links', [a('Privacy Policy', 'javascript:openPrivacy()'), a('Datenschutz', 'mailto:dpo@shop.example')]],
    ['consent settings buttons', [a('Privacy Settings', '#'), a('Datenschutz-Einstellungen', '#settings'), a('Gérer les cookies', '#')]],
    ['an unparsable address', [a('Privacy Policy', 'http://[::1')]],
  ])('none: %s', (_name, anchors) => {
    expect(findPolicyLink(PAGE, { privacyPolicy: [], anchors })).toEqual({ source: null, policyUrl: null });
  });
});

test('a same-page "#" link named Privacy opens a banner, not a policy', () => {
  const reading = findPolicyLink(PAGE, { privacyPolicy: [], anchors: [a('Privacy', '#'), a('Privacy', `${PAGE}#privacy`)] });
  expect(reading.policyUrl).toBeNull();
});
