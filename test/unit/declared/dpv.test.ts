import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readDpv } from '../../../src/core/declared/dpv.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/declared/dpv/${name}`, import.meta.url), 'utf8');

describe('readDpv', () => {
  test('v2, prefixed, OWL-Time duration', () => {
    const reading = readDpv(fixture('v2-prefixed.jsonld'));
    expect(reading?.source).toMatchObject({
      kind: 'dpv',
      valid: true,
      detail: {
        processes: 1,
        purposes: ['ServiceOptimisation'],
        personalData: ['BrowsingBehavior', 'IPAddress'],
        legalBases: ['Consent'],
        recipients: ['example.net'],
      },
    });
    expect(reading?.purposes).toEqual(['analytics']);
    expect(reading?.recipients).toEqual(['example.net']);
    expect(reading?.retentionSeconds).toBe(13 * 30 * 86_400);
  });

  test('v1/v0 namespaces, @graph, arrays, named recipients, ISO durations', () => {
    const reading = readDpv(fixture('v1-legacy-graph.jsonld'));
    expect(reading?.source.valid).toBe(true);
    expect(reading?.source.detail).toMatchObject({
      processes: 2,
      namespaces: ['http://www.w3.org/ns/dpv#', 'https://w3id.org/dpv/dpv-gdpr#', 'https://w3id.org/dpv/dpv-pd#'],
      purposes: ['FraudPreventionAndDetection', 'Marketing', 'PersonalisedAdvertising'],
      personalData: ['BrowsingBehavior', 'Identifying'],
      legalBases: ['A6-1-a'],
      recipientNames: ['Ad Network Ltd', 'Unnamed Partner'],
      recipientTypes: ['ThirdParty'],
    });
    expect(reading?.purposes.sort()).toEqual(['advertising', 'necessary']);
    expect(reading?.recipients).toEqual(['adnetwork.example', 'cloudprovider.example']);
    expect(reading?.retentionSeconds).toBe(2 * 365 * 86_400);
  });

  test('full IRIs, a top-level array and @vocab', () => {
    const reading = readDpv(fixture('full-iris-array.jsonld'));
    expect(reading?.source.detail).toMatchObject({
      processes: 2,
      purposes: ['ServiceProvision', 'SocialMediaMarketing'],
      personalData: ['EmailAddress'],
      legalBases: ['A6-1-b'],
    });
    expect(reading?.purposes.sort()).toEqual(['necessary', 'social']);
    expect(reading?.recipients).toEqual(['social.example']);
    expect(reading?.retentionSeconds).toBe(12 * 3600);
  });

  test('hostile values: __proto__ keys, markup, bad durations', () => {
    const reading = readDpv(fixture('hostile.jsonld'));
    expect(reading?.source.valid).toBe(true);
    expect(reading?.purposes).toEqual(['advertising']);
    expect(reading?.source.detail?.purposes).toEqual(['Advertising']);
    expect(reading?.recipients).toEqual(['example.org']);
    expect(reading?.retentionSeconds).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(reading)).not.toContain('<script');
  });

  test('an OWL-Time duration too long for a number of seconds is no duration (found by the fuzz test)', () => {
    const text = '{"@context":{"dpv":"https://w3id.org/dpv#","time":"http://www.w3.org/2006/time#"},"@type":"dpv:Process","dpv:hasPurpose":"dpv:Marketing","time:numericDuration":1e308,"time:unitType":"time:unitYear"}';
    const reading = readDpv(text);
    expect(reading?.source.valid).toBe(true);
    expect(reading?.retentionSeconds).toBeNull();
  });

  test.each([
    ['itself', '{":x":":x"}'],
    ['each other', '{":a":":b",":b":":a"}'],
  ])('a context term defined as %s does not recurse without end (found by the fuzz test)', (_name, context) => {
    const text = `{"@context":[{"dpv":"https://w3id.org/dpv#"},${context}],"@type":"dpv:Process",":x":"dpv:Marketing",":a":":b","dpv:hasPurpose":[":x",":a"]}`;
    const reading = readDpv(text);
    expect(reading?.source.valid).toBe(true);
    expect(reading?.source.detail?.purposes).toEqual([]);
  });

  test.each([
    ['broken JSON', fixture('broken.jsonld'), /invalid JSON/],
    ['1 MB', `{"@context":{"dpv":"https://w3id.org/dpv#"},"x":"${'a'.repeat(1_048_576)}"}`, /larger than 256 KB/],
    ['nested 40 levels', `{"@context":{"dpv":"https://w3id.org/dpv#"},"dpv:hasPurpose":${'['.repeat(40)}1${']'.repeat(40)}}`, /deeper than 32/],
    ['nested 100,000 levels', `{"dpv:hasPurpose":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, /deeper than 32|invalid JSON/],
    ['nested 200,000 levels', `{"dpv:hasPurpose":${'['.repeat(200_000)}${']'.repeat(200_000)}}`, /larger than 256 KB/],
    ['nested 50,000 levels', `{"dpv:x":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`, /larger than 256 KB|invalid JSON|deeper than 32/],
    ['nested 20,000 levels', `{"dpv:x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`, /invalid JSON|deeper than 32/],
  ])('invalid: %s', (_name, text, error) => {
    const reading = readDpv(text);
    expect(reading?.source.valid).toBe(false);
    expect(reading?.source.error).toMatch(error);
    expect(reading?.recipients).toBeNull();
  });

  test.each([
    ['schema.org only', fixture('schema-org-only.jsonld')],
    ['broken JSON that never mentions DPV', '{"@type": "Product", '],
    ['a JSON scalar', '42'],
  ])('not DPV: %s', (_name, text) => {
    expect(readDpv(text)).toBeNull();
  });
});
