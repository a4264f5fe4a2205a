// Declared retention as CMPs and cookie tables write it ("1 year", "13 months", "Session", "365", "2 Jahre")
// → seconds. A session cookie has no duration: parseRetention gives null and isSessionRetention says why.
// Months count 30 days and years 365: the retention finding allows 1.5× slack, so calendar precision is moot.

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

// Unit words in English plus the languages Cookiebot and OneTrust tables most often render in (de, fr, es, it, nl, da/sv/no).
const UNITS: readonly (readonly [RegExp, number])[] = [
  [/^(?:s|secs?|seconds?|sekund(?:e|en|er)?|secondes?|segundos?|secondi|seconden)$/, 1],
  [/^(?:m|mins?|minutes?|minuten?|minutos?|minuti|minutter|minuter)$/, MINUTE],
  [/^(?:h|hrs?|hours?|stunden?|heures?|horas?|ore|uur|timer|timmar|tim)$/, HOUR],
  [/^(?:d|days?|tage?n?|jours?|d[ií]as?|giorni|giorno|dag(?:e|en|ar)?)$/, DAY],
  [/^(?:w|wks?|weeks?|wochen?|semaines?|semanas?|settimane|weken|uger|veckor)$/, 7 * DAY],
  [/^(?:mo|mos|months?|monate?n?|mois|mes(?:es)?|mesi|maand(?:en)?|m[aå]ned(?:er)?|m[aå]nad(?:er)?)$/, 30 * DAY],
  [/^(?:y|yrs?|years?|jahre?n?|ans?|ann[ée]es?|a[ñn]os?|anni|jaar|[aå]r)$/, 365 * DAY],
];

const SESSION = /\b(?:session|sessions?cookie|sitzung|sesi[oó]n|sessione|sessie|browser\s*session)\b|end of (?:the )?(?:browser )?session/i;

/** Seconds for a declared retention text; null for session cookies and for anything without a duration ("Persistent", "Varies"). */
export function parseRetention(text: unknown): number | null {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? Math.round(text * DAY) : null;
  if (typeof text !== 'string') return null;
  const s = text.slice(0, 200).trim().toLowerCase();
  if (s === '' || isSessionRetention(s)) return null;
  // A bare number is days: OneTrust's `Length` and most CMP tables count in days.
  if (/^\d+(?:\.\d+)?$/.test(s)) return Math.round(Number(s) * DAY);
  // The first "<number> <unit>" wins: "180 days after last activity or 10 years when opting out" → 180 days.
  for (const match of s.matchAll(/(\d+(?:[.,]\d+)?)\s*([\p{L}]+)/gu)) {
    const amount = Number((match[1] ?? '').replace(',', '.'));
    const unit = match[2] ?? '';
    const factor = UNITS.find(([re]) => re.test(unit))?.[1];
    if (factor !== undefined && Number.isFinite(amount)) return Math.round(amount * factor);
  }
  // "a year", "one month"
  const one = /\b(?:a|an|one|ein|eine|un|une|uno|una|een|et|en)\s+([\p{L}]+)/u.exec(s);
  const factor = one ? UNITS.find(([re]) => re.test(one[1] ?? ''))?.[1] : undefined;
  return factor ?? null;
}

/** True when the text declares a session cookie ("Session", "End of session (browser)", "Sitzung"). */
export function isSessionRetention(text: unknown): boolean {
  return typeof text === 'string' && SESSION.test(text.slice(0, 200));
}
