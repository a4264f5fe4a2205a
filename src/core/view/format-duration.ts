// Cookie lifetimes and retention periods in human units. The unit and count are returned, not a string,
// so the popup translates them (`duration_days_other` → "$1 days" / "$1 Tage").

export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'months' | 'years';

export interface Duration {
  value: number;
  unit: DurationUnit;
  /** message key for this unit and count: `duration_<unit>_one` or `duration_<unit>_other` */
  key: string;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;
const MONTH = YEAR / 12;

function duration(value: number, unit: DurationUnit): Duration {
  return { value, unit, key: `duration_${unit}_${value === 1 ? 'one' : 'other'}` };
}

/**
 * Seconds → the largest unit that still reads naturally: under a minute in seconds, under an hour in minutes,
 * under two days in hours, under two months in days, under a year in months, then years (one decimal under 10).
 */
export function formatDuration(seconds: number): Duration {
  const s = Math.max(0, seconds);
  if (s < MINUTE) return duration(Math.round(s), 'seconds');
  if (s < HOUR) return duration(Math.round(s / MINUTE), 'minutes');
  if (s < 2 * DAY) return duration(Math.round(s / HOUR), 'hours');
  if (s < 60 * DAY) return duration(Math.round(s / DAY), 'days');
  // 360 days and up read as a year: cookies set "for a year" often land a few days short of 365
  if (s < 360 * DAY) return duration(Math.max(2, Math.round(s / MONTH)), 'months');
  const years = s / YEAR;
  return duration(years < 10 ? Math.round(years * 10) / 10 : Math.round(years), 'years');
}
