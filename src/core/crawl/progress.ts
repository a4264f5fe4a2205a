// What the crawl prints on stderr: a one-line bar redrawn in a terminal, one line per finished site otherwise.

export interface ProgressState {
  /** sites in this run (resumed ones excluded) */
  total: number;
  finished: number;
  ok: number;
  failed: number;
  /** sites finished in an earlier run */
  resumed: number;
  running: number;
  elapsedMs: number;
}

export function formatDurationShort(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function sitesPerMinute(finished: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (finished * 60_000) / elapsedMs : 0;
}

/** `[#####-----] 12/50  ok 11  failed 1  running 2  3.1 sites/min  ETA 12m10s`, cut to `width`. */
export function progressBar(s: ProgressState, width = 80): string {
  const rate = sitesPerMinute(s.finished, s.elapsedMs);
  const left = s.total - s.finished;
  const eta = s.finished > 0 && left > 0 ? `  ETA ${formatDurationShort((left * s.elapsedMs) / s.finished)}` : '';
  const resumed = s.resumed > 0 ? `  (${s.resumed} done before)` : '';
  const tail = ` ${s.finished}/${s.total}  ok ${s.ok}  failed ${s.failed}  running ${s.running}  ${rate.toFixed(1)} sites/min${eta}${resumed}`;
  const barWidth = Math.max(10, Math.min(30, width - tail.length - 2));
  const filled = s.total === 0 ? barWidth : Math.round((s.finished / s.total) * barWidth);
  return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${tail}`.slice(0, Math.max(width - 1, 20));
}

export interface SiteLine {
  index: number;
  total: number;
  url: string;
  status: 'ok' | 'error';
  durationMs: number;
  attempts: number;
  detail: string;
}

/** `[3/50] ok https://a.example/ (21.4 s; findings 2 high, 1 medium)` */
export function siteLine(l: SiteLine): string {
  const retry = l.attempts > 1 ? `, ${l.attempts} attempts` : '';
  return `[${l.index}/${l.total}] ${l.status} ${l.url} (${(l.durationMs / 1000).toFixed(1)} s${retry}) ${l.detail}`.trimEnd();
}
