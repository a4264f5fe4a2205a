import { describe, expect, test } from 'vitest';
import { schemaOrgPolicyUrl } from '../../../src/core/declared/schema-org.ts';

const PAGE = 'https://www.shop.example/datenschutz';

describe('schemaOrgPolicyUrl', () => {
  test.each<[string, string[], string | null]>([
    ['a WebPage describing the privacy policy', ['{"@context":"https://schema.org","@type":"WebPage","name":"Privacy Policy","url":"/privacy"}'], 'https://www.shop.example/privacy'],
    ['inside @graph, German, @id', ['{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Shop"},{"@type":["WebPage"],"headline":"Datenschutzerklärung","@id":"https://www.shop.example/datenschutz#webpage"}]}'], 'https://www.shop.example/datenschutz#webpage'],
    ['an unrelated page', ['{"@context":"https://schema.org","@type":"WebPage","name":"Our products","url":"/products"}'], null],
    ['a non-page type', ['{"@context":"https://schema.org","@type":"Article","name":"Privacy Policy changes","url":"/news/1"}'], null],
    ['a javascript: address', ['{"@context":"https://schema.org","@type":"WebPage","name":"Privacy Policy","url":"javascript:alert(1)"}'], null],
    ['broken JSON', ['{"@context":"https://schema.org","@type":"WebPage",'], null],
  ])('%s', (_name, blocks, url) => {
    expect(schemaOrgPolicyUrl(blocks, PAGE)).toBe(url);
  });
});
