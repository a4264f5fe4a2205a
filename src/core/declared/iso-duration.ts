// Durations as declared in metadata → seconds. ISO 8601 (`P14D`, `P1Y6M`, `PT12H`, `P2W`) and the OWL-Time
// pair numericDuration + unitType. Calendar units are averaged: a year is 365 days, a month 30 days.
const UNIT_SECONDS: Readonly<Record<string, number>> = {
  year: 365 * 86_400,
  month: 30 * 86_400,
  week: 7 * 86_400,
  day: 86_400,
  hour: 3_600,
  minute: 60,
  second: 1,
};

export function isoDurationSeconds(value: string): number | null {
  const m = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i.exec(
    value.trim(),
  );
  if (!m || value.trim().length <= 1 || /T$/i.test(value.trim())) return null;
  const units = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const;
  let total = 0;
  for (const [i, unit] of units.entries()) {
    const part = m[i + 1];
    if (part !== undefined) total += Number(part.replace(',', '.')) * (UNIT_SECONDS[unit] ?? 0);
  }
  return Number.isFinite(total) ? Math.round(total) : null;
}

/** OWL-Time: `time:numericDuration 13; time:unitType time:unitMonth` (the unit IRI or its local name). */
export function unitDurationSeconds(amount: number, unit: string): number | null {
  const local = /unit([A-Za-z]+)$/.exec(unit)?.[1]?.toLowerCase() ?? unit.toLowerCase().replace(/s$/, '');
  const seconds = UNIT_SECONDS[local];
  if (seconds === undefined || !Number.isFinite(amount) || amount < 0) return null;
  // a finite amount can still overflow to Infinity seconds (1e308 years), which no JSON report can hold
  const total = Math.round(amount * seconds);
  return Number.isFinite(total) ? total : null;
}
