// The cookie-date algorithm of RFC 6265bis §5.1.1: tolerant of the many date shapes servers send
// (`Wed, 21 Oct 2015 07:28:00 GMT`, `Wednesday, 21-Oct-15 07:28:00 GMT`, `Oct 21 07:28:00 2015`), strict
// about the values. Returns milliseconds since the epoch, or null where the date is unusable.

const DELIMITER = /[\t\x20-\x2f\x3b-\x40\x5b-\x60\x7b-\x7e]+/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MAX_DATE_LENGTH = 256;

export function parseCookieDate(text: string): number | null {
  if (typeof text !== 'string' || text === '' || text.length > MAX_DATE_LENGTH) return null;
  let time: [number, number, number] | null = null;
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  for (const token of text.split(DELIMITER)) {
    if (token === '') continue;
    if (time === null) {
      const m = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[^\d]|$)/.exec(token);
      if (m) {
        time = [Number(m[1]), Number(m[2]), Number(m[3])];
        continue;
      }
    }
    if (day === null) {
      const m = /^(\d{1,2})(?:[^\d]|$)/.exec(token);
      if (m) {
        day = Number(m[1]);
        continue;
      }
    }
    if (month === null) {
      const index = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
      if (index !== -1) {
        month = index;
        continue;
      }
    }
    if (year === null) {
      const m = /^(\d{2,4})(?:[^\d]|$)/.exec(token);
      if (m) year = Number(m[1]);
    }
  }
  if (time === null || day === null || month === null || year === null) return null;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;
  const [hour, minute, second] = time;
  if (day < 1 || day > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month, day, hour, minute, second);
  // Date.UTC rolls 31 Feb over into March; the algorithm says such a date fails
  if (!Number.isFinite(ms) || new Date(ms).getUTCDate() !== day) return null;
  return ms;
}
