// Declared retention as CMPs and cookie tables write it ("1 year", "13 months", "Session", "365", "2 Jahre", "P1Y")
// → seconds. A session cookie has no duration: parseRetention gives null and isSessionRetention says why.
// Months count 30 days and years 365 (as in ../iso-duration.ts): the retention finding allows 1.5× slack.
import { isoDurationSeconds, unitDurationSeconds } from '../iso-duration.ts';

const DAY = 86_400;

// Unit words in English plus the languages Cookiebot and OneTrust tables most often render in (de, fr, es, it, nl, da/sv/no),
// onto the unit names ../iso-duration.ts counts in (so both readers agree on what a month is).
const UNITS: readonly (readonly [RegExp, string])[] = [
  [/^(?:s|secs?|seconds?|sekund(?:e|en|er)?|secondes?|segundos?|secondi|seconden)$/, 'second'],
  [/^(?:m|mins?|minutes?|minuten?|minutos?|minuti|minutter|minuter)$/, 'minute'],
  [/^(?:h|hrs?|hours?|stunden?|heures?|horas?|ore|uur|timer|timmar|tim)$/, 'hour'],
  [/^(?:d|days?|tage?n?|jours?|d[ií]as?|giorni|giorno|dag(?:e|en|ar)?)$/, 'day'],
  [/^(?:w|wks?|weeks?|wochen?|semaines?|semanas?|settimane|weken|uger|veckor)$/, 'week'],
  [/^(?:mo|mos|months?|monate?n?|mois|mes(?:es)?|mesi|maand(?:en)?|m[aå]ned(?:er)?|m[aå]nad(?:er)?)$/, 'month'],
  [/^(?:y|yrs?|years?|jahre?n?|ans?|ann[ée]es?|a[ñn]os?|anni|jaar|[aå]r)$/, 'year'],
];

const SESSION = /\b(?:session|sessions?cookie|sitzung|sesi[oó]n|sessione|sessie|browser\s*session)\b|end of (?:the )?(?:browser )?session/i;

/** Seconds for a declared retention text; null for session cookies and for anything without a duration ("Persistent", "Varies"). */
export function parseRetention(text: unknown): number | null {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? daySeconds(text) : null;
  if (typeof text !== 'string') return null;
  const s = text.slice(0, 200).trim().toLowerCase();
  if (s === '' || isSessionRetention(s)) return null;
  // A bare number is days: OneTrust's `Length` and most CMP tables count in days.
  if (/^\d+(?:\.\d+)?$/.test(s)) return daySeconds(Number(s));
  if (/^p[\dt]/.test(s)) return isoDurationSeconds(s.toUpperCase());
  // The first "<number> <unit>" wins: "180 days after last activity or 10 years when opting out" → 180 days.
  for (const match of s.matchAll(/(\d+(?:[.,]\d+)?)\s*([\p{L}]+)/gu)) {
    const unit = unitOf(match[2] ?? '');
    const seconds = unit ? unitDurationSeconds(Number((match[1] ?? '').replace(',', '.')), unit) : null;
    if (seconds !== null) return seconds;
  }
  // "a year", "one month"
  const one = /\b(?:a|an|one|ein|eine|un|une|uno|una|een|et|en)\s+([\p{L}]+)/u.exec(s);
  const unit = one ? unitOf(one[1] ?? '') : undefined;
  return unit ? unitDurationSeconds(1, unit) : null;
}

/** Days → seconds; null where that overflows (OneTrust's `Length` is page data: "1e308" days is Infinity seconds). */
function daySeconds(days: number): number | null {
  const seconds = Math.round(days * DAY);
  return Number.isFinite(seconds) ? seconds : null;
}

function unitOf(word: string): string | undefined {
  return UNITS.find(([re]) => re.test(word))?.[1];
}

/** True when the text declares a session cookie ("Session", "End of session (browser)", "Sitzung"). */
export function isSessionRetention(text: unknown): boolean {
  return typeof text === 'string' && SESSION.test(text.slice(0, 200));
}
