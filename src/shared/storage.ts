// Storage keys, defined once with their defaults.
import browser from 'webextension-polyfill';
import type { Preferences } from './messages.ts';
import { DEFAULT_PREFERENCES } from './preferences.ts';

export { DEFAULT_PREFERENCES };

export interface StorageItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
}

export function storageItem<T>(area: 'local' | 'session', key: string, fallback: T): StorageItem<T> {
  const store = area === 'local' ? browser.storage.local : browser.storage.session;
  return {
    async get() {
      const got = await store.get(key);
      return key in got ? (got[key] as T) : fallback;
    },
    async set(value) {
      await store.set({ [key]: value });
    },
  };
}

export const preferencesItem = storageItem<Preferences>('local', 'preferences', DEFAULT_PREFERENCES);
