import { readFileSync } from 'node:fs';

/** A fixture under test/fixtures/declared/, as text or parsed JSON (JSON.parse keeps `__proto__` as an own key). */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`../../fixtures/declared/${name}`, import.meta.url), 'utf8');
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}
