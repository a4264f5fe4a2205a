import { describe, expect, test } from 'vitest';
import { bodyIdentifierKeys, identifierParams, summarizeSent } from '../../../src/core/observe/sent-data.ts';

describe('identifierParams', () => {
  test.each([
    ['https://www.facebook.com/tr/?id=4815162342&ev=PageView&fbp=fb.1.1795668198241.1784433720', ['fbp']],
    ['https://region1.google-analytics.com/g/collect?v=2&tid=G-NW2026&cid=1746451656.1795668198', ['cid']],
    ['https://cdn.example/app.js', []],
    ['https://x.example/?=&&a=%E0%A4%A', []], // malformed escapes do not throw
  ])('%s', (url, expected) => {
    expect(identifierParams(url)).toEqual(expected);
  });
});

describe('summarizeSent', () => {
  test('reads what was really sent', () => {
    const sent = summarizeSent(
      [
        { name: 'Referer', value: 'https://shop.example/basket?item=3' },
        { name: 'Cookie', value: 'a=b' },
        { name: 'User-Agent', value: 'Mozilla/5.0' },
        { name: 'Accept-Language', value: 'de' },
        { name: 'Sec-CH-UA', value: '"Chromium"' },
        { name: 'Sec-GPC', value: '1' },
      ],
      'https://t.example/p?uid=Zx81kQp2Lm',
    );
    expect(sent).toEqual({
      referer: true,
      refererKind: 'full',
      cookies: true,
      userAgent: true,
      language: true,
      clientHints: ['sec-ch-ua'],
      gpc: true,
      identifiers: ['uid'],
    });
  });

  test.each([
    [[{ name: 'Referer', value: 'https://shop.example/' }], 'origin'],
    [[], 'none'],
    [[{ name: 'Cookie', value: '' }], 'none'],
  ])('referer kind %#', (headers, kind) => {
    const sent = summarizeSent(headers, 'https://t.example/');
    expect(sent.refererKind).toBe(kind);
    expect(sent.cookies).toBe(false);
  });
});

describe('bodyIdentifierKeys', () => {
  const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
  test.each([
    [{ formData: { uid: ['Zx81kQp2Lm'], page: ['home'] } }, ['uid']],
    [{ raw: [{ bytes: bytes('{"user_id":"k3j4h5g6f7d8","url":"https://x.example/"}') }] }, ['user_id']],
    [{ raw: [{ bytes: bytes('cid=1746451656.1795668198&en=page_view') }] }, ['cid']],
    [{ raw: [{ bytes: bytes('{"truncated": ') }] }, []],
    // nested ids are named by their path, one name for all elements of an array (Amplitude, Segment, Sentry)
    [
      { raw: [{ bytes: bytes('{"api_key":"abc","events":[{"device_id":"d3v1c3a7b9e2f4c6","event_type":"view"},{"device_id":"d3v1c3a7b9e2f4c6"}]}') }] },
      ['events[].device_id'],
    ],
    [
      { raw: [{ bytes: bytes('{"batch":[{"anonymousId":"5c1f-4a2b-9e8d-77aa","context":{"ip":"0.0.0.0","device":{"id":"A1b2C3d4E5f6"}}}]}') }] },
      ['batch[].anonymousId', 'batch[].context.device.id'],
    ],
    [{ raw: [{ bytes: bytes('[{"uid":"Zx81kQp2Lm"}]') }] }, ['[].uid']],
    // newline-delimited records (a Sentry envelope); a line that is not JSON names nothing
    [
      { raw: [{ bytes: bytes('{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc"}\n{"type":"event"}\nnot json\n{"user":{"id":"u-77Hh1k2L9"}}') }] },
      ['event_id', 'user.id'],
    ],
    // deeper than six levels is not walked; a hostile body stays bounded
    [{ raw: [{ bytes: bytes('{"a":{"b":{"c":{"d":{"e":{"f":{"g":"Zx81kQp2Lm"}}}}}}}') }] }, []],
    [{ raw: [{ bytes: bytes(`${'[1,'.repeat(5000)}"Zx81kQp2Lm"${']'.repeat(5000)}`) }] }, []],
    [
      { raw: [{ bytes: bytes(JSON.stringify({ list: Array.from({ length: 100 }, (_, i) => ({ [`k${i}`]: `Zx81kQp2Lm${i}` })) })) }] },
      Array.from({ length: 20 }, (_, i) => `list[].k${i}`),
    ],
    [{ raw: [{ bytes: bytes('plain text body') }] }, []],
    [undefined, []],
  ])('%#', (body, expected) => {
    expect(bodyIdentifierKeys(body)).toEqual(expected);
  });
});
