// The one mapping table onto Candor's purposes (../shared/spec/findings.md, "Purposes"), row by row, and the rules
// every lookup follows: case and spacing do not matter, page-supplied terms cannot reach Object.prototype, a CMP's
// unlisted category falls back to the generic names, and anything else is `unknown`.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { copyPurposes, isTrackingPurpose, mappingTable, needsConsent, toPurpose, type Vocabulary } from '../../src/core/purposes.ts';
import { type Purpose, PURPOSES } from '../../src/core/types.ts';

const ROWS: [Vocabulary, string | number, Purpose][] = [
  // @ghostery/trackerdb categories
  ['tracker-category', 'advertising', 'advertising'],
  ['tracker-category', 'pornvertising', 'advertising'],
  ['tracker-category', 'site_analytics', 'analytics'],
  ['tracker-category', 'social_media', 'social'],
  ['tracker-category', 'consent', 'necessary'],
  ['tracker-category', 'hosting', 'necessary'],
  ['tracker-category', 'utilities', 'functional'],
  ['tracker-category', 'customer_interaction', 'functional'],
  ['tracker-category', 'audio_video_player', 'functional'],
  ['tracker-category', 'extensions', 'unknown'],
  ['tracker-category', 'misc', 'unknown'],
  // IAB TCF v2.2 purposes 1–11 and special features
  ['tcf-purpose', 1, 'necessary'],
  ['tcf-purpose', 2, 'advertising'],
  ['tcf-purpose', 3, 'advertising'],
  ['tcf-purpose', 4, 'advertising'],
  ['tcf-purpose', 5, 'functional'],
  ['tcf-purpose', 6, 'functional'],
  ['tcf-purpose', 7, 'advertising'],
  ['tcf-purpose', 8, 'analytics'],
  ['tcf-purpose', 9, 'analytics'],
  ['tcf-purpose', 10, 'analytics'],
  ['tcf-purpose', 11, 'functional'],
  ['tcf-purpose', 12, 'unknown'],
  ['tcf-special-feature', 1, 'advertising'],
  ['tcf-special-feature', '2', 'advertising'],
  // Google Consent Mode v2
  ['consent-mode', 'ad_storage', 'advertising'],
  ['consent-mode', 'ad_user_data', 'advertising'],
  ['consent-mode', 'ad_personalization', 'advertising'],
  ['consent-mode', 'analytics_storage', 'analytics'],
  ['consent-mode', 'functionality_storage', 'functional'],
  ['consent-mode', 'personalization_storage', 'functional'],
  ['consent-mode', 'security_storage', 'necessary'],
  // CMPs
  ['onetrust', 'C0001', 'necessary'],
  ['onetrust', 'C0002', 'analytics'],
  ['onetrust', 'C0003', 'functional'],
  ['onetrust', 'C0004', 'advertising'],
  ['onetrust', 'C0005', 'social'],
  ['onetrust', 'c0004', 'advertising'],
  ['onetrust', '2', 'analytics'],
  ['onetrust', 'C0099', 'unknown'],
  ['cookiebot', 'necessary', 'necessary'],
  ['cookiebot', 'preferences', 'functional'],
  ['cookiebot', 'statistics', 'analytics'],
  ['cookiebot', 'marketing', 'advertising'],
  ['cookieyes', 'advertisement', 'advertising'],
  ['cookieyes', 'performance', 'analytics'],
  ['didomi', 'measure_content_performance', 'analytics'],
  ['didomi', 'select_personalized_ads', 'advertising'],
  ['usercentrics', 'essential', 'necessary'],
  ['complianz', 'functional', 'necessary'],
  ['complianz', 'preferences', 'functional'],
  ['klaro', 'Statistics', 'analytics'],
  ['cookieconsent', 'ads', 'advertising'],
  ['osano', 'personalization', 'functional'],
  ['osano', 'MARKETING', 'advertising'],
  ['trustarc', 2, 'functional'],
  ['trustarc', 3, 'advertising'],
  // the evaluation data's categories, as its README maps them
  ['open-cookie-database', 'Functional', 'functional'],
  ['open-cookie-database', 'Personalization', 'functional'],
  ['open-cookie-database', 'Analytics', 'analytics'],
  ['open-cookie-database', 'Marketing', 'advertising'],
  ['open-cookie-database', 'Security', 'necessary'],
  // W3C DPV and P3P
  ['dpv', 'ServiceProvision', 'necessary'],
  ['dpv', 'ServiceUsageAnalytics', 'analytics'],
  ['dpv', 'PersonalisedAdvertising', 'advertising'],
  ['dpv', 'SocialMediaMarketing', 'social'],
  ['p3p', 'CUR', 'necessary'],
  ['p3p', 'tai', 'functional'],
  ['p3p', 'IVD', 'advertising'],
  // free category names in declarations
  ['generic', 'Strictly Necessary', 'necessary'],
  ['generic', '  Marketing ', 'advertising'],
  ['generic', 'Social Media', 'social'],
  ['generic', 'Performance', 'analytics'],
  ['generic', 'Preferences', 'functional'],
  ['generic', 'Other', 'unknown'],
  // a CMP's unlisted category falls back to the generic names
  ['cookiebot', 'Analytics', 'analytics'],
  ['usercentrics', 'Social Media', 'social'],
  // page data that must not reach Object.prototype
  ['generic', 'toString', 'unknown'],
  ['onetrust', 'constructor', 'unknown'],
  ['cookiebot', '__proto__', 'unknown'],
  ['generic', '', 'unknown'],
];

describe('toPurpose: the mapping table', () => {
  test.each(ROWS)('%s %j → %s', (vocabulary, term, purpose) => {
    expect(toPurpose(vocabulary, term)).toBe(purpose);
  });
});

describe('the tables', () => {
  const vocabularies: Vocabulary[] = [
    'tracker-category', 'tcf-purpose', 'tcf-special-feature', 'consent-mode', 'onetrust', 'cookiebot', 'cookieyes', 'didomi',
    'usercentrics', 'complianz', 'klaro', 'cookieconsent', 'osano', 'trustarc', 'open-cookie-database', 'dpv', 'p3p', 'generic',
  ];

  test.each(vocabularies)('%s maps only onto Candor purposes', (vocabulary) => {
    const table = mappingTable(vocabulary);
    expect(Object.keys(table).length).toBeGreaterThan(0);
    for (const purpose of Object.values(table)) expect(PURPOSES).toContain(purpose);
  });

  test('every category of the bundled tracker database is mapped', () => {
    // the package exports only its engine; the same data ships beside it as JSON
    const file = new URL('../../node_modules/@ghostery/trackerdb/dist/trackerdb.json', import.meta.url);
    const db = JSON.parse(readFileSync(file, 'utf8')) as { categories: Record<string, unknown> | string[] };
    const categories = Array.isArray(db.categories) ? db.categories : Object.keys(db.categories);
    expect(categories.length).toBeGreaterThan(5);
    for (const category of categories) expect({ category, mapped: Object.hasOwn(mappingTable('tracker-category'), category) }).toEqual({ category, mapped: true });
  });
});

describe('purpose sets', () => {
  test.each<[Purpose, boolean, boolean]>([
    ['necessary', false, false],
    ['functional', true, false],
    ['analytics', true, true],
    ['advertising', true, true],
    ['social', true, true],
    ['unknown', false, false],
  ])('%s: needs consent %s, tracking %s', (purpose, consent, tracking) => {
    expect(needsConsent(purpose)).toBe(consent);
    expect(isTrackingPurpose(purpose)).toBe(tracking);
  });

  test('copyPurposes keeps boolean entries of known purposes only', () => {
    const fromPage = JSON.parse('{"analytics":false,"advertising":"yes","social":true,"__proto__":{"x":1},"other":true}');
    expect(copyPurposes(fromPage)).toEqual({ analytics: false, social: true });
  });
});
