// OneTrust (Optanon, also sold as CookiePro): metadata-formats.md §6.1.
// Choice: `OptanonConsent` (URL-encoded query string, `groups=C0001:1,C0002:0`) + `OptanonAlertBoxClosed`;
// live state: `OnetrustActiveGroups`; declaration: `OneTrust.GetDomainData().Groups[]` (collected as globals.onetrust.domainData).
import type { ConsentSignal, Purpose } from '../../types.ts';
import { type CmpInput, type CmpReading, makeReading, noChoice } from './reading.ts';
import { Declarations, nameFromText } from './declarations.ts';
import {
  categoryPurpose,
  decode,
  findCookie,
  get,
  isRecord,
  list,
  matchScript,
  PurposeFold,
  str,
  withNecessary,
} from './util.ts';

const CMP = 'onetrust';
const HOSTS = ['cookielaw.org', 'onetrust.com', 'cookiepro.com'];
const PATHS = ['otsdkstub.js', 'otbannersdk.js', '/scripttemplates/otsdk'];

interface Group {
  purpose: Purpose;
  /** 'active' groups are on by default, 'always active' can never be refused */
  status: string;
}

export function readOneTrust(input: CmpInput): CmpReading | null {
  const g = get(input.globals, CMP);
  const consent = findCookie(input.cookies, 'OptanonConsent');
  const closed = findCookie(input.cookies, 'OptanonAlertBoxClosed');
  const detectedBy: string[] = [];
  if (consent) detectedBy.push('cookie:OptanonConsent');
  if (closed) detectedBy.push('cookie:OptanonAlertBoxClosed');
  if (isRecord(g)) detectedBy.push(`global:${CMP}`);
  const script = matchScript(input.scripts, HOSTS, PATHS);
  if (script) detectedBy.push(`script:${script}`);
  if (detectedBy.length === 0) return null;

  const declarations = new Declarations(`cmp:${CMP}`);
  const groups = readDomainData(get(g, 'domainData'), declarations);
  const groupPurpose = (id: string): Purpose => groups.get(id)?.purpose ?? categoryPurpose(CMP, id);
  const detail: Record<string, unknown> = {};
  const signals: ConsentSignal[] = [];
  const parts = { detectedBy, cookies: declarations.cookies, skipped: declarations.skipped, signals, detail };

  if (consent) {
    const params = parseQuery(consent.value);
    const rawGroups = params?.get('groups');
    if (!params || rawGroups === undefined) {
      const error = params ? 'OptanonConsent has no groups field' : 'OptanonConsent is not valid URL-encoding';
      return makeReading(CMP, { ...parts, choice: null, error });
    }
    const fold = new PurposeFold();
    for (const item of rawGroups.split(',').slice(0, 200)) {
      const [id, state] = item.split(':');
      if (!id || (state !== '0' && state !== '1')) continue;
      fold.add(groupPurpose(id.trim()), state === '1');
    }
    const interactions = Number(params.get('interactionCount') ?? '0');
    const landing = params.get('landingPath');
    // OneTrust writes the cookie (with defaults) on the first page; only closing the banner or interacting is a choice.
    const choiceMade = closed !== undefined || (Number.isFinite(interactions) && interactions > 0);
    Object.assign(detail, {
      version: params.get('version') ?? null,
      interactionCount: Number.isFinite(interactions) ? interactions : null,
      landingPage: landing !== undefined && landing !== 'NotLandingPage',
      awaitingReconsent: params.get('AwaitingReconsent') === 'true',
      geolocation: params.get('geolocation') ?? null,
    });
    const gpc = params.get('isGpcEnabled');
    if (gpc === '0' || gpc === '1') {
      const browser = params.get('browserGpcFlag');
      signals.push({
        source: `cmp:${CMP}`,
        purposes: {},
        optedOut: gpc === '1',
        raw: `isGpcEnabled=${gpc}${browser === undefined ? '' : `&browserGpcFlag=${browser.slice(0, 8)}`}`,
      });
    }
    return makeReading(CMP, { ...parts, choice: { choiceMade, purposes: withNecessary(fold.purposes) } });
  }

  const active = str(get(g, 'activeGroups')) ?? str(get(g, 'legacyActiveGroups'));
  const boxClosed = get(g, 'alertBoxClosed') === true || closed !== undefined;
  if (active !== undefined) {
    // `OnetrustActiveGroups` = ",C0001,C0003," lists granted groups only; known groups missing from it are refused.
    const on = new Set(active.split(',').map((s) => s.trim()).filter((s) => s !== ''));
    const fold = new PurposeFold();
    for (const id of on) fold.add(groupPurpose(id), true);
    for (const [id, group] of groups) if (!on.has(id) && group.status !== 'always active') fold.add(group.purpose, false);
    detail.from = 'OnetrustActiveGroups';
    return makeReading(CMP, { ...parts, choice: { choiceMade: boxClosed, purposes: withNecessary(fold.purposes) } });
  }

  // Present, nothing stored: the configured defaults (status 'active' = on before any choice).
  const fold = new PurposeFold();
  for (const group of groups.values()) fold.add(group.purpose, group.status !== 'inactive');
  return makeReading(CMP, { ...parts, choice: boxClosed ? { choiceMade: true, purposes: withNecessary({}) } : noChoice(fold.purposes) });
}

/** `a=b&c=d` with URL-encoded values ('+' = space); null when a value is not valid URL-encoding. */
function parseQuery(raw: string): Map<string, string> | null {
  const out = new Map<string, string>();
  // Some servers re-encode the whole value (`groups%3DC0001%253A1…`): undo that one layer first.
  const value = !raw.includes('=') && /%3D/i.test(raw) ? (decode(raw) ?? '') : raw;
  if (!value.includes('=')) return null;
  for (const pair of value.slice(0, 16_384).split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const key = decode(pair.slice(0, at));
    const val = decode(pair.slice(at + 1).replace(/\+/g, ' '));
    if (key === null || val === null) return null;
    if (!out.has(key)) out.set(key, val);
  }
  return out;
}

function readDomainData(data: unknown, declarations: Declarations): Map<string, Group> {
  const groups = new Map<string, Group>();
  const visit = (items: unknown, depth: number): void => {
    for (const group of list(items, 300)) {
      const id = str(get(group, 'CustomGroupId'), 100) ?? str(get(group, 'OptanonGroupId'), 100);
      const name = get(group, 'GroupName');
      // The group's name is what the visitor is told; the id is OneTrust's convention (C0002 = performance).
      const purpose = categoryPurpose(CMP, name, id);
      const status = (str(get(group, 'Status'), 40) ?? '').toLowerCase();
      if (id !== undefined && !groups.has(id)) groups.set(id, { purpose, status });
      const cookieLists = [get(group, 'Cookies'), get(group, 'FirstPartyCookies')];
      for (const host of list(get(group, 'Hosts'), 300)) cookieLists.push(withHost(get(host, 'Cookies'), get(host, 'HostName')));
      for (const cookies of cookieLists) {
        for (const c of list(cookies, 500)) {
          const name = str(get(c, 'Name'));
          if (name === undefined) continue;
          declarations.add({
            name: nameFromText(name),
            purpose,
            retention: Number(str(get(c, 'Length'), 20) ?? get(c, 'Length')),
            session: get(c, 'IsSession') === true,
            domain: get(c, 'Host') ?? get(c, 'host'),
          });
        }
      }
      if (depth < 2) visit(get(group, 'SubGroups'), depth + 1);
    }
  };
  visit(get(data, 'Groups'), 0);
  return groups;
}

function withHost(cookies: unknown, host: unknown): unknown[] {
  return list(cookies, 500).map((c) => (isRecord(c) && get(c, 'Host') === undefined ? { ...c, Host: host } : c));
}
