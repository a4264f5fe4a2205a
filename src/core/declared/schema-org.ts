// schema.org hints in JSON-LD (shared/spec/metadata-formats.md §9.2): schema.org has no privacy-policy property,
// but a `WebPage` named "Privacy Policy" (typically the policy page describing itself) gives the policy's address.
// Only used when the page has no recognisable policy link.
import { isRecord } from './bounded-json.ts';
import { nodes, parseJsonLd, values } from './json-ld.ts';
import { isPolicyText, resolve } from './policy-link.ts';

const PAGE_TYPE = /^(?:https?:\/\/schema\.org\/|schema:)?\w*Page$/;

/** The first privacy-policy page a JSON-LD block describes, as an absolute http(s) URL; null where none. */
export function schemaOrgPolicyUrl(blocks: readonly string[], pageUrl: string): string | null {
  for (const block of blocks) {
    if (!/schema\.org/i.test(block.slice(0, 2000))) continue;
    const parsed = parseJsonLd(block);
    if (!parsed.ok) continue;
    for (const node of nodes(parsed.json)) {
      const types = values(node['@type']).filter((t): t is string => typeof t === 'string');
      if (!types.some((t) => PAGE_TYPE.test(t))) continue;
      const name = [node.name, node.headline].find((v): v is string => typeof v === 'string');
      if (name === undefined || !isPolicyText(name)) continue;
      const href = [node.url, node['@id'], isRecord(node.mainEntityOfPage) ? node.mainEntityOfPage['@id'] : undefined].find(
        (v): v is string => typeof v === 'string',
      );
      const url = href === undefined ? null : resolve(href, pageUrl);
      if (url !== null) return url;
    }
  }
  return null;
}
