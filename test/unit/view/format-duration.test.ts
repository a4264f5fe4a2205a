import { describe, expect, test } from 'vitest';
import { formatDuration } from '../../../src/core/view/format-duration.ts';

const DAY = 86_400;

describe('formatDuration', () => {
  test.each([
    [0, 0, 'seconds', 'duration_seconds_other'],
    [1, 1, 'seconds', 'duration_seconds_one'],
    [59, 59, 'seconds', 'duration_seconds_other'],
    [60, 1, 'minutes', 'duration_minutes_one'],
    [1800, 30, 'minutes', 'duration_minutes_other'],
    [3600, 1, 'hours', 'duration_hours_one'],
    [DAY, 24, 'hours', 'duration_hours_other'],
    [2 * DAY, 2, 'days', 'duration_days_other'],
    [14 * DAY, 14, 'days', 'duration_days_other'],
    [90 * DAY, 3, 'months', 'duration_months_other'],
    [180 * DAY, 6, 'months', 'duration_months_other'],
    [364 * DAY, 1, 'years', 'duration_years_one'],
    [365 * DAY, 1, 'years', 'duration_years_one'],
    [400 * DAY, 1.1, 'years', 'duration_years_other'],
    [63_072_000, 2, 'years', 'duration_years_other'],
    [20 * 365.25 * DAY, 20, 'years', 'duration_years_other'],
    [-5, 0, 'seconds', 'duration_seconds_other'],
  ])('%d s → %d %s', (seconds, value, unit, key) => {
    expect(formatDuration(seconds)).toEqual({ value, unit, key });
  });
});
