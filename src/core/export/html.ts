// One self-contained, printable HTML page: inline CSS, no scripts, no external resources, strict CSP.
// Every page-supplied string goes through `h()` (escaped text); nothing from the report becomes markup or a link.
import type { ObservedCookie, ObservedRequest, Report, Visit } from '../types.ts';
import { SEVERITIES } from '../types.ts';
import { type TrackerSummary, thirdParties, trackersByCompany } from './aggregate.ts';
import { cookieName, describeEvidence, describePurposes, formatDuration } from './describe.ts';
import { escapeHtml } from './escape.ts';
import { KIND_INFO } from './kinds.ts';

const h = escapeHtml;

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;color:#1a1a1a;margin:2rem auto;max-width:72rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{margin-top:2rem;border-bottom:2px solid #ddd}h3{margin-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:12px}
th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}th{background:#f3f3f3}
td.u,.u{word-break:break-all;font-family:ui-monospace,monospace}
.sev{display:inline-block;min-width:4.5em;padding:0 .4em;border-radius:3px;font-weight:bold;color:#fff;text-align:center}
.high{background:#b00020}.medium{background:#b36200}.low{background:#2d6a9f}.info{background:#666}
.finding{border-left:4px solid #ccc;padding:.25rem .75rem;margin:.75rem 0;break-inside:avoid}
.meta{color:#555}dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dt{font-weight:bold}dd{margin:0}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;

function table(headers: readonly string[], rows: readonly (readonly string[])[], urlColumns: readonly number[] = []): string {
  if (rows.length === 0) return '<p class="meta">None.</p>';
  const head = headers.map((c) => `<th>${h(c)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((c, i) => `<td${urlColumns.includes(i) ? ' class="u"' : ''}>${h(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The tracker's name, and the site's own hosts it hid behind (CNAME cloaking); escaped by table(). */
function cloakedName(t: TrackerSummary): string {
  return t.cloaked.length === 0 ? t.name : `${t.name} (behind ${t.cloaked.map((c) => `${c.host}, CNAME ${c.cname}`).join('; ')})`;
}

function findingsSection(report: Report): string {
  if (report.findings.length === 0) return '<p>No findings.</p>';
  const parts: string[] = [];
  for (const severity of SEVERITIES) {
    for (const f of report.findings.filter((x) => x.severity === severity)) {
      parts.push(`<div class="finding">
<h3><span class="sev ${severity}">${severity}</span> ${h(f.title)}</h3>
<p class="meta">${h(KIND_INFO[f.kind].short)} (<code>${h(f.kind)}</code>) · phase ${h(f.phase)}${f.purpose ? ` · purpose ${h(f.purpose)}` : ''}</p>
<p>${h(f.explanation).replace(/\r?\n/g, '<br>')}</p>
<ul>${f.evidence.map((e) => `<li class="u">${h(describeEvidence(e))}</li>`).join('')}</ul>
</div>`);
    }
  }
  return parts.join('\n');
}

function requestRow(r: ObservedRequest): string[] {
  return [
    String(Math.round(r.at)),
    r.method,
    r.type,
    r.url,
    r.party,
    r.status === null ? (r.error ?? '—') : String(r.status),
    r.tracker ? `${r.tracker.name} (${r.tracker.purpose})` : '',
  ];
}

function cookieRow(c: ObservedCookie): string[] {
  return [
    cookieName(c.name),
    c.domain,
    c.party,
    c.purpose + (c.purposeSource === 'unknown' ? '' : ` (${c.purposeSource})`),
    c.session ? 'session' : formatDuration(c.lifetimeSeconds),
    [c.secure ? 'Secure' : '', c.httpOnly ? 'HttpOnly' : '', `SameSite=${c.sameSite}`].filter(Boolean).join(' '),
    c.setBy.url ? `${c.setBy.via}: ${c.setBy.url}` : c.setBy.via,
    c.removed ? 'removed' : '',
  ];
}

function visitSection(visit: Visit): string {
  const recorded = visit.consent.recorded;
  const consent = recorded
    ? `${recorded.source}, ${recorded.choiceMade ? 'choice made' : 'no choice made'}: ${describePurposes(recorded.purposes)}`
    : 'no consent mechanism recognised';
  const truncated = visit.observed.truncated;
  const dropped = truncated
    ? `<p class="meta">Caps hit: ${h(Object.entries(truncated).map(([k, n]) => `${n} ${k}`).join(', '))} not recorded.</p>`
    : '';
  const d = visit.declared;
  return `<section>
<h2>Phase: ${h(visit.phase)}</h2>
<dl>
<dt>URL</dt><dd class="u">${h(visit.url)}</dd>
<dt>Started</dt><dd>${h(visit.startedAt)}</dd>
<dt>GPC sent</dt><dd>${visit.gpcSent ? 'yes' : 'no'}</dd>
<dt>Consent recorded</dt><dd>${h(consent)}</dd>
${visit.interaction ? `<dt>Banner</dt><dd>${h(`${visit.interaction.action}${visit.interaction.ok ? '' : ' (failed)'}${visit.interaction.detail ? `: ${visit.interaction.detail}` : ''}`)}</dd>` : ''}
${visit.consent.preference && Object.keys(visit.consent.preference).length ? `<dt>Your preference</dt><dd>${h(describePurposes(visit.consent.preference))}</dd>` : ''}
</dl>
${dropped}
<h3>Consent signals</h3>
${table(['source', 'purposes', 'opted out', 'raw'], visit.consent.signals.map((s) => [s.source, describePurposes(s.purposes), s.optedOut === undefined || s.optedOut === null ? '' : String(s.optedOut), s.raw ?? '']), [3])}
<h3>Declared sources</h3>
${table(['kind', 'valid', 'detail'], d.sources.map((s) => [s.kind, s.valid ? 'yes' : 'no', s.error ?? (s.detail ? JSON.stringify(s.detail) : '')]), [2])}
<dl>
<dt>Privacy policy</dt><dd class="u">${h(d.policyUrl ?? 'none found')}</dd>
<dt>Declared recipients</dt><dd>${h(d.recipients === null ? 'not declared' : d.recipients.join(', ') || 'none')}</dd>
<dt>GPC supported</dt><dd>${d.gpcSupported === null ? 'not stated' : d.gpcSupported ? 'yes' : 'no'}</dd>
</dl>
<h3>Declared cookies</h3>
${table(['name', 'domain', 'purpose', 'retention', 'source'], d.cookies.map((c) => [c.name + (c.prefix ? '*' : ''), c.domain ?? '', c.purpose, c.retentionSeconds === null ? 'not stated' : formatDuration(c.retentionSeconds), c.source]))}
<h3>Cookies (${visit.observed.cookies.length})</h3>
${table(['name', 'domain', 'party', 'purpose', 'lifetime', 'flags', 'set by', ''], visit.observed.cookies.map(cookieRow), [6])}
${visit.observed.storage && visit.observed.storage.length > 0 ? `<h3>Storage (${visit.observed.storage.length})</h3>\n${table(['area', 'key', 'origin', 'party', 'purpose', 'set by'], visit.observed.storage.map((x) => [x.area, x.key, x.origin, x.party, x.purpose, x.setBy.url ?? x.setBy.via]), [1, 2])}` : ''}
<h3>Requests (${visit.observed.requests.length})</h3>
${table(['ms', 'method', 'type', 'URL', 'party', 'status', 'tracker'], visit.observed.requests.map(requestRow), [3])}
</section>`;
}

export function formatHtml(report: Report): string {
  const s = report.summary;
  const companies = trackersByCompany(report);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Candor report: ${h(report.site)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Candor report: ${h(report.site)}</h1>
<p class="meta u">${h(report.url)}</p>
<p class="meta">${h(report.tool.browser)} · candor ${h(report.tool.version)} · ${h(report.tool.trackerDb)} · phases: ${h(report.visits.map((v) => v.phase).join(', '))}${report.visits[0] ? ` · started ${h(report.visits[0].startedAt)}` : ''}</p>
</header>
<h2>Summary</h2>
${table(['requests', 'third parties', 'trackers', 'cookies', ...SEVERITIES], [[String(s.requests), String(s.thirdParties), String(s.trackers), String(s.cookies), ...SEVERITIES.map((sev) => String(s.findings[sev]))]])}
<h2>Findings (${report.findings.length})</h2>
${findingsSection(report)}
<h2>Trackers by company</h2>
${table(['company', 'tracker', 'purpose', 'category', 'requests', 'phases'], companies.flatMap((c) => c.trackers.map((t) => [c.organization ?? 'unknown', cloakedName(t), t.purpose, t.category, String(t.requests), t.phases.join(', ')])))}
<h2>Third parties</h2>
${table(['site', 'requests', 'trackers', 'phases'], thirdParties(report).map((p) => [p.site, String(p.requests), p.trackers.join(', '), p.phases.join(', ')]))}
${report.visits.map(visitSection).join('\n')}
</body>
</html>
`;
}
