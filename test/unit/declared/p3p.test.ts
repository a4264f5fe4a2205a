import { describe, expect, test } from 'vitest';
import { readP3p } from '../../../src/core/declared/p3p.ts';

describe('readP3p', () => {
  test('a real compact policy', () => {
    const reading = readP3p('CP="CAO PSA OUR"');
    expect(reading?.source).toEqual({
      kind: 'p3p',
      valid: true,
      detail: { cp: 'CAO PSA OUR', access: ['CAO'], purposes: ['PSA'], recipients: ['OUR'] },
    });
    expect(reading?.purposes).toEqual(['analytics']);
  });

  test('policyref, suffixes and every group', () => {
    const reading = readP3p(
      'policyref="https://example.com/w3c/p3p.xml", CP="NOI DSP COR NID CURa ADMa DEVa PSAa PSDa IVAi CONo OUR SAMi BUS COM NAV INT STA"',
    );
    expect(reading?.source.valid).toBe(true);
    expect(reading?.source.detail).toMatchObject({
      policyref: 'https://example.com/w3c/p3p.xml',
      purposes: ['CUR:always', 'ADM:always', 'DEV:always', 'PSA:always', 'PSD:always', 'IVA:opt-in', 'CON:opt-out'],
      recipients: ['OUR', 'SAM:opt-in'],
      retention: ['BUS'],
      categories: ['COM', 'NAV', 'INT', 'STA'],
    });
    expect(reading?.purposes.sort()).toEqual(['advertising', 'analytics', 'necessary']);
  });

  test('parsed tolerantly (§7.3): unknown tokens are ignored, a suffix on a token that takes none is dropped', () => {
    const reading = readP3p('CP="NOI DSP COR XYZ CURa PSAa"');
    expect(reading?.source).toMatchObject({ valid: true, detail: { purposes: ['CUR:always', 'PSA:always'], unknown: ['XYZ'] } });
    expect(reading?.purposes.sort()).toEqual(['analytics', 'necessary']);
    const suffixed = readP3p('CP="NOI DSP CURa ADMa OURa BUSa"');
    expect(suffixed?.source).toMatchObject({ valid: true, detail: { recipients: ['OUR:always'], retention: ['BUS'] } });
    expect(suffixed?.source.detail?.unknown).toBeUndefined();
  });

  test.each([
    ['Google', 'CP="This is not a P3P policy! See g.co/p3phelp for more info."', /unknown tokens This, is, not, a, P3P/],
    ['Facebook', 'CP="Facebook does not have a P3P policy. Learn why here: http://fb.me/p3p"', /unknown tokens/],
    ['mostly not P3P', 'CP="CAO XYZ ABC"', /unknown tokens XYZ, ABC$/],
    ['empty', 'CP=""', /empty compact policy/],
    ['lower case', 'CP="cao psa our"', /unknown tokens/],
  ])('bogus: %s', (_name, header, error) => {
    const reading = readP3p(header);
    expect(reading?.source.valid).toBe(false);
    expect(reading?.source.error).toMatch(error);
    expect(reading?.purposes).toEqual([]);
  });

  test('a header with neither CP nor policyref is no source', () => {
    expect(readP3p('nothing here')).toBeNull();
  });
});
