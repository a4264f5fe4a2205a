import { describe, expect, test } from 'vitest';
import { parseReply } from '../../../src/cli/launch.ts';

describe('replies from the control page', () => {
  test('an object referenced twice survives (BiDi would drop the second reference)', () => {
    const purposes = { advertising: false };
    const report = { recorded: { source: 'usp', purposes }, signals: [{ source: 'usp', purposes }] };
    expect(parseReply(JSON.stringify(report))).toEqual({
      recorded: { source: 'usp', purposes: { advertising: false } },
      signals: [{ source: 'usp', purposes: { advertising: false } }],
    });
  });

  test('no reply is null', () => {
    expect(parseReply(null)).toBeNull();
    expect(parseReply(undefined)).toBeNull();
    expect(parseReply('null')).toBeNull();
  });
});
