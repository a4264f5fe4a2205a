// t(key, ...subs): the browser's i18n (_locales/<lang>/messages.json) with the English file as fallback,
// so unit tests and a plain static preview render English. No webextension-polyfill import here: it throws
// outside an extension, and i18n.getMessage is synchronous in both browsers anyway.
import english from '../../_locales/en/messages.json' with { type: 'json' };

interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

const ENGLISH: Readonly<Record<string, LocaleMessage>> = english;

function api(): I18nApi | null {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  const i18n = g.browser?.i18n ?? g.chrome?.i18n;
  return i18n !== undefined && typeof i18n.getMessage === 'function' ? i18n : null;
}

/** Chrome's message format: `$name$` → its placeholder's content, then `$1`…`$9` → substitutions, `$$` → `$`. */
export function formatMessage(entry: LocaleMessage, subs: readonly string[]): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const expanded = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  return expanded.replace(/\$(\$|[1-9])/g, (_whole, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
}

/** The message for `key` in the browser's UI language, English where the browser has none, the key itself as a last resort. */
export function t(key: string, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  const native = api();
  if (native !== null) {
    try {
      const message = native.getMessage(key, strings);
      if (message !== '') return message;
    } catch {
      // an invalid key name throws in Chromium: fall through to English
    }
  }
  const entry = ENGLISH[key];
  return entry === undefined ? key : formatMessage(entry, strings);
}

/** BCP 47 language of the browser UI (`en-US`, `de`), `en` outside an extension. */
export function uiLanguage(): string {
  try {
    return api()?.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** The language of the messages actually shown (the browser falls back to English where it has no translation). */
export function documentLanguage(): string {
  return t('locale');
}

let numberFormat: Intl.NumberFormat | null = null;

/** Numbers as the shown translation writes them (1,234 / 1.234), not as a browser language without a translation would. */
export function formatNumber(value: number): string {
  numberFormat ??= new Intl.NumberFormat(documentLanguage());
  return numberFormat.format(value);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(documentLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
