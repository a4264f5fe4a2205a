// The demo site's declarations end to end (consent.js → MAIN-world collector → snapshot sanitizer → readDeclared):
// the cookie tables of its vanilla-cookieconsent config reach the reader and give the autoClear cookies their retention.
import { describe, expect, test } from 'vitest';
import { northwindCmpGlobals, northwindDeclared } from './northwind.ts';

const DAY = 86_400;

describe('Northwind Coffee (vanilla-cookieconsent v3) as read from the page', () => {
  const { declared, consent } = northwindDeclared();

  test('the collector keeps the cookie tables with their header labels and expiration column', () => {
    const globals = northwindCmpGlobals();
    const sections = (globals.cookieconsent as { config: { language: { translations: { en: { preferencesModal: { sections: unknown[] } } } } } })
      .config.language.translations.en.preferencesModal.sections;
    expect(sections[0]).toEqual({
      linkedCategory: 'necessary',
      cookieTable: {
        headers: { name: 'Cookie', domain: 'Domain', expiration: 'Expiration', desc: 'Purpose' },
        body: [
          { name: 'nw_session', domain: 'www.northwind-coffee.example', expiration: 'Session', desc: 'Your session.' },
          { name: 'cc_cookie', domain: 'www.northwind-coffee.example', expiration: '6 months', desc: 'Your cookie choices.' },
        ],
      },
    });
  });

  test('autoClear entries and table rows: one declaration per name and purpose, with the tables’ retention', () => {
    const source = 'cmp:cookieconsent';
    expect(declared.cookies).toEqual([
      { name: 'nw_lang', purpose: 'functional', retentionSeconds: 365 * DAY, domain: 'northwind-coffee.example', source },
      { name: '_ga', purpose: 'analytics', retentionSeconds: 365 * DAY, domain: 'northwind-coffee.example', prefix: true, source },
      { name: '_gid', purpose: 'analytics', retentionSeconds: null, source },
      { name: '_fbp', purpose: 'advertising', retentionSeconds: 90 * DAY, domain: 'northwind-coffee.example', source },
      { name: 'nw_session', purpose: 'necessary', retentionSeconds: null, session: true, domain: 'www.northwind-coffee.example', source },
      { name: 'cc_cookie', purpose: 'necessary', retentionSeconds: 180 * DAY, domain: 'www.northwind-coffee.example', source },
      { name: '_ga_', purpose: 'analytics', retentionSeconds: 365 * DAY, domain: 'northwind-coffee.example', prefix: true, source },
    ]);
  });

  test('the banner holds no choice; Consent Mode’s default and the US Privacy string are one signal each', () => {
    expect(consent.recorded).toEqual({ source: 'cmp:cookieconsent', choiceMade: false, purposes: { necessary: true, functional: false, analytics: false, advertising: false } });
    expect(consent.signals).toEqual([
      { source: 'usp', purposes: {}, optedOut: false, raw: '1YNN', choiceMade: true },
      {
        source: 'consent-mode',
        purposes: { analytics: true, advertising: false },
        choiceMade: false,
        raw: 'ad_storage=denied;ad_user_data=denied;ad_personalization=denied;analytics_storage=granted',
      },
    ]);
  });

  test('the site-level retention is the DPV server-log storage duration', () => {
    expect(declared.retentionSeconds).toBe(14 * DAY);
  });
});
