// candor.config.json: strict validation with the JSON path of every problem, and the CLI's loading of it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, configFindingsOptions, loadConfig } from '../../src/cli/config.ts';
import { expectationsOf, parseConfig } from '../../src/core/config.ts';

const EXAMPLE = {
  expect: {
    thirdParties: ['google-analytics.com', 'googletagmanager.com', 'fonts.googleapis.com'],
    purposes: ['necessary', 'functional', 'analytics'],
  },
  severity: { 'third-party-cookie': 'low', 'unexpected-third-party': 'high' },
  failOn: 'medium',
  phases: ['before-consent', 'after-reject'],
};

describe('parseConfig', () => {
  test('the README example is valid and read as written', () => {
    expect(parseConfig(EXAMPLE)).toEqual({ config: EXAMPLE, errors: [] });
  });

  test.each([
    [{}, {}],
    [{ $schema: 'https://example.com/candor.schema.json' }, {}],
    [{ expect: {} }, { expect: {} }],
    [{ expect: { thirdParties: [] } }, { expect: { thirdParties: [] } }],
    [
      { expect: { thirdParties: [' *.GoogleAPIs.com ', 'www.google-analytics.com.', '127.0.0.1', 'localhost', 'cdn.example', '*.googleapis.com'] } },
      { expect: { thirdParties: ['*.googleapis.com', 'www.google-analytics.com.', '127.0.0.1', 'localhost', 'cdn.example'] } },
    ],
    [{ failOn: 'none' }, { failOn: 'none' }],
    [{ phases: ['after-revoke'] }, { phases: ['after-revoke'] }],
  ])('valid: %j', (json, config) => {
    expect(parseConfig(json)).toEqual({ config, errors: [] });
  });

  test.each([
    [null, '(top level): expected an object, got null'],
    [[], '(top level): expected an object, got an array'],
    ['{}', '(top level): expected an object, got a string'],
    [{ expects: {} }, 'expects: unknown key (expected $schema, expect, severity, failOn, phases)'],
    [{ 'fail-on': 'high' }, '"fail-on": unknown key'],
    [{ $schema: 1 }, '$schema: expected a string, got a number'],
    [{ expect: [] }, 'expect: expected an object, got an array'],
    [{ expect: { trackers: [] } }, 'expect.trackers: unknown key (expected thirdParties, purposes)'],
    [{ expect: { thirdParties: 'google.com' } }, 'expect.thirdParties: expected an array of strings, got a string'],
    [{ expect: { thirdParties: ['google.com', 7] } }, 'expect.thirdParties[1]: expected a string, got a number'],
    [{ expect: { thirdParties: ['https://google.com/'] } }, 'expect.thirdParties[0]: "https://google.com/" is not a domain'],
    [{ expect: { thirdParties: ['google.com:443'] } }, 'expect.thirdParties[0]: "google.com:443" is not a domain'],
    [{ expect: { thirdParties: ['*'] } }, 'expect.thirdParties[0]: "*" is not a domain'],
    [{ expect: { thirdParties: ['a.*.com'] } }, 'is not a domain'],
    [{ expect: { thirdParties: [''] } }, 'expect.thirdParties[0]: "" is not a domain'],
    [{ expect: { thirdParties: ['com'] } }, 'expect.thirdParties[0]: "com" is a top-level domain'],
    [{ expect: { thirdParties: ['*.co.uk'] } }, 'expect.thirdParties[0]: "*.co.uk" is a public suffix'],
    [{ expect: { purposes: ['analytics', 'ads'] } }, 'expect.purposes[1]: "ads" is not a purpose (expected necessary, functional, analytics, advertising, social, unknown)'],
    [{ expect: { purposes: ['analytics', 'analytics'] } }, 'expect.purposes[1]: "analytics" is listed twice'],
    [{ expect: { purposes: null } }, 'expect.purposes: expected an array of strings, got null'],
    [{ severity: 'high' }, 'severity: expected an object'],
    [{ severity: { 'new-tracker': 'high' } }, 'severity."new-tracker": unknown finding kind'],
    [{ severity: { 'third-party-cookie': 'critical' } }, 'severity."third-party-cookie": "critical" is not a severity (expected high, medium, low, info)'],
    [{ severity: { 'third-party-cookie': 'none' } }, 'is not a severity'],
    [{ failOn: 'severe' }, 'failOn: "severe" is not a level (expected high, medium, low, info, none)'],
    [{ failOn: 2 }, 'failOn: 2 is not a level'],
    [{ phases: 'before-consent' }, 'phases: expected an array of strings, got a string'],
    [{ phases: ['browsing'] }, 'phases[0]: "browsing" is not a phase (expected before-consent, after-reject, after-accept, after-revoke)'],
    [{ phases: [] }, 'phases: expected at least one phase'],
  ])('invalid: %j', (json, message) => {
    const { errors } = parseConfig(json);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  test('every problem is reported, the valid parts are kept', () => {
    const { config, errors } = parseConfig({ extra: 1, expect: { purposes: ['x'], thirdParties: ['ok.example'] }, failOn: 'low', phases: ['nope'] });
    expect(errors.map((e) => e.split(':')[0])).toEqual(['extra', 'expect.purposes[0]', 'phases[0]']);
    expect(config).toEqual({ expect: { purposes: [], thirdParties: ['ok.example'] }, failOn: 'low' });
  });

  test.each([
    [{}, undefined],
    [{ expect: {} }, undefined],
    [{ expect: { purposes: ['analytics'] } }, { purposes: ['analytics'] }],
    [{ expect: { thirdParties: [] } }, { thirdParties: [] }],
  ])('expectationsOf(%j)', (json, expectations) => {
    expect(expectationsOf(parseConfig(json).config)).toEqual(expectations);
  });
});

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-config-'));
  const empty = mkdtempSync(join(tmpdir(), 'candor-config-none-'));
  writeFileSync(join(dir, 'candor.config.json'), JSON.stringify(EXAMPLE));
  writeFileSync(join(dir, 'broken.json'), '{ "expect": ');
  writeFileSync(join(dir, 'invalid.json'), JSON.stringify({ failOn: 'severe', phases: [] }));

  test('./candor.config.json is used when no path is given', () => {
    expect(loadConfig(undefined, dir)).toEqual({ path: 'candor.config.json', config: EXAMPLE });
  });

  test('no path and no file: no config', () => {
    expect(loadConfig(undefined, empty)).toBeNull();
  });

  test('a given path is read relative to the working directory', () => {
    expect(loadConfig('candor.config.json', dir)?.config.failOn).toBe('medium');
    expect(loadConfig(join(dir, 'candor.config.json'), empty)?.config.phases).toEqual(['before-consent', 'after-reject']);
  });

  test.each([
    ['missing.json', 'cannot read the config missing.json: no such file'],
    ['broken.json', 'broken.json: not valid JSON: '],
    ['invalid.json', 'invalid.json: failOn: "severe" is not a level (expected high, medium, low, info, none) (and 1 more)'],
  ])('%s fails with one line', (path, message) => {
    let error: unknown;
    try {
      loadConfig(path, dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });

  test('configFindingsOptions: severity overrides and expectations, nothing else', () => {
    expect(configFindingsOptions(null)).toEqual({});
    expect(configFindingsOptions(EXAMPLE as never)).toEqual({ severity: EXAMPLE.severity, expectations: EXAMPLE.expect });
    expect(configFindingsOptions({ failOn: 'low' })).toEqual({});
  });
});
