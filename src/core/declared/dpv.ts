// W3C Data Privacy Vocabulary in on-page JSON-LD (shared/spec/metadata-formats.md §9.1): purposes, personal
// data, recipients, legal bases and storage durations of `dpv:Process` / `dpv:PersonalDataHandling` nodes.
// Namespaces: v2 `https://w3id.org/dpv#` (+ `/dpv/pd#`, `/dpv/legal/eu/gdpr#`), v1 `https://w3id.org/dpv#`
// (+ `/dpv/dpv-pd#`, `/dpv/dpv-gdpr#`), v0 `http://www.w3.org/ns/dpv#`; prefixed or full IRIs.
// No measurable deployment exists: an optional reader that must never break on what it finds.
import { siteOf } from '../party.ts';
import { toPurpose } from '../purposes.ts';
import type { DeclaredSource, Purpose } from '../types.ts';
import { isRecord } from './bounded-json.ts';
import { isoDurationSeconds, unitDurationSeconds } from './iso-duration.ts';
import { type Context, collectContext, expand, nodes, parseJsonLd, references, values } from './json-ld.ts';

const DPV_IRI = /^https?:\/\/(?:w3id\.org\/dpv|www\.w3\.org\/ns\/dpv)(?:[/#]|$)/i;
const TIME_NS = 'http://www.w3.org/2006/time#';
/** Used when a document writes `dpv:` without declaring it. */
const DEFAULT_PREFIXES = {
  dpv: 'https://w3id.org/dpv#',
  pd: 'https://w3id.org/dpv/pd#',
  'eu-gdpr': 'https://w3id.org/dpv/legal/eu/gdpr#',
  time: TIME_NS,
};
const RECIPIENT_PROPERTIES = new Set(['hasRecipient', 'hasDataProcessor', 'hasThirdParty', 'hasRecipientThirdParty', 'hasRecipientDataController']);
const NAME_KEYS = ['name', 'schema:name', 'http://schema.org/name', 'https://schema.org/name', 'dpv:hasName', 'rdfs:label', 'foaf:name'];
const URL_KEYS = ['url', 'schema:url', 'http://schema.org/url', 'https://schema.org/url', 'foaf:homepage', '@id'];

export interface DpvReading {
  source: DeclaredSource;
  purposes: Purpose[];
  /** registrable domains of named recipients; null where none is identifiable */
  recipients: string[] | null;
  /** the longest declared storage duration */
  retentionSeconds: number | null;
}

/** Reads one JSON-LD block; null when it is not DPV (or is broken JSON that never mentions DPV). */
export function readDpv(text: string): DpvReading | null {
  const mentionsDpv = /w3id\.org\/dpv|w3\.org\/ns\/dpv|"dpv:/i.test(text.slice(0, JSON_SCAN));
  const parsed = parseJsonLd(text);
  if (!parsed.ok) return mentionsDpv ? invalid(parsed.error) : null;
  const context = collectContext(parsed.json, DEFAULT_PREFIXES);
  const found = {
    namespaces: new Set<string>(),
    purposes: new Set<string>(),
    personalData: new Set<string>(),
    legalBases: new Set<string>(),
    recipients: new Set<string>(),
    recipientNames: new Set<string>(),
    recipientTypes: new Set<string>(),
    durations: [] as number[],
    processes: 0,
  };
  for (const node of nodes(parsed.json)) {
    for (const type of references({ '@type': node['@type'] }, context)) {
      const local = dpvLocal(type, found.namespaces);
      if (local === 'Process' || local === 'PersonalDataHandling') found.processes++;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      const iri = expand(key, context);
      if (iri === `${TIME_NS}numericDuration`) addUnitDuration(node, value, context, found.durations);
      const property = dpvLocal(iri, found.namespaces);
      if (property === null) continue;
      if (property === 'hasPurpose') collect(value, context, found.purposes, found.namespaces);
      else if (property === 'hasPersonalData' || property === 'hasPersonalDataCategory') collect(value, context, found.personalData, found.namespaces);
      else if (property === 'hasLegalBasis') collect(value, context, found.legalBases, found.namespaces);
      else if (RECIPIENT_PROPERTIES.has(property)) addRecipients(value, context, found);
      else if (property === 'hasDuration' || property === 'hasStorageDuration') addDurations(value, found.durations);
    }
  }
  if (found.namespaces.size === 0) return null;
  const purposes = [...new Set([...found.purposes].map((p) => toPurpose('dpv', p)))];
  const retentionSeconds = found.durations.length > 0 ? Math.max(...found.durations) : null;
  const recipients = found.recipients.size > 0 ? [...found.recipients].sort() : null;
  const detail: Record<string, unknown> = {
    namespaces: [...found.namespaces].sort(),
    processes: found.processes,
    purposes: list(found.purposes),
    personalData: list(found.personalData),
    legalBases: list(found.legalBases),
    recipients: recipients ?? [],
    recipientNames: list(found.recipientNames),
    recipientTypes: list(found.recipientTypes),
    retentionSeconds,
  };
  return { source: { kind: 'dpv', valid: true, detail }, purposes, recipients, retentionSeconds };
}

const JSON_SCAN = 300_000;

function invalid(error: string): DpvReading {
  return { source: { kind: 'dpv', valid: false, error }, purposes: [], recipients: null, retentionSeconds: null };
}

/** The local name of a DPV IRI (`https://w3id.org/dpv#Consent` → `Consent`), noting its namespace; null otherwise. */
function dpvLocal(iri: string, namespaces: Set<string>): string | null {
  if (!DPV_IRI.test(iri)) return null;
  const hash = iri.indexOf('#');
  const cut = hash >= 0 ? hash : iri.lastIndexOf('/');
  const namespace = iri.slice(0, cut + 1);
  const local = iri.slice(cut + 1);
  if (!/^https?:\/\/[\w./-]+[#/]$/.test(namespace) || !/^[A-Za-z][\w-]{0,100}$/.test(local)) return null;
  namespaces.add(namespace);
  return local;
}

function collect(value: unknown, context: Context, into: Set<string>, namespaces: Set<string>): void {
  for (const ref of references(value, context)) {
    const local = dpvLocal(ref, namespaces);
    if (local !== null) into.add(local);
    else if (/^[\p{L}\p{N} _-]{1,100}$/u.test(ref)) into.add(ref);
  }
}

function addRecipients(value: unknown, context: Context, found: { recipients: Set<string>; recipientNames: Set<string>; recipientTypes: Set<string>; namespaces: Set<string> }): void {
  for (const v of values(value)) {
    const node = isRecord(v) ? v : typeof v === 'string' ? { '@id': v } : null;
    if (node === null) continue;
    for (const type of references({ '@type': node['@type'] }, context)) {
      const local = dpvLocal(type, found.namespaces);
      if (local !== null) found.recipientTypes.add(local);
    }
    for (const key of URL_KEYS) {
      const raw = node[key];
      if (typeof raw !== 'string') continue;
      const iri = expand(raw, context);
      const local = dpvLocal(iri, found.namespaces);
      if (local !== null) {
        found.recipientTypes.add(local); // dpv:ThirdParty, dpv:DataProcessor: a kind, not a party
        continue;
      }
      const site = /^https?:\/\//i.test(iri) ? siteOf(iri) : '';
      if (site !== '' && site.includes('.')) found.recipients.add(site);
    }
    for (const key of NAME_KEYS) {
      const name = node[key];
      // names are shown as text, but markup is never a plausible company name
      if (typeof name === 'string' && name.trim() !== '' && !/[<>]/.test(name)) found.recipientNames.add(name.trim().slice(0, 100));
    }
  }
}

function addDurations(value: unknown, into: number[]): void {
  for (const v of values(value)) {
    if (typeof v === 'string') {
      const seconds = isoDurationSeconds(v);
      if (seconds !== null) into.push(seconds);
    } else if (isRecord(v)) {
      for (const key of ['@value', 'dpv:hasValue', 'value', 'rdf:value']) if (v[key] !== undefined) addDurations(v[key], into);
    }
  }
}

function addUnitDuration(node: Record<string, unknown>, amount: unknown, context: Context, into: number[]): void {
  const number = typeof amount === 'number' ? amount : isRecord(amount) ? Number(amount['@value']) : Number(amount);
  const unitKey = Object.keys(node).find((k) => expand(k, context) === `${TIME_NS}unitType`);
  const unit = unitKey === undefined ? [] : references(node[unitKey], context);
  const seconds = unit[0] !== undefined ? unitDurationSeconds(number, unit[0]) : null;
  if (seconds !== null) into.push(seconds);
}

function list(set: Set<string>): string[] {
  return [...set].sort().slice(0, 100);
}
