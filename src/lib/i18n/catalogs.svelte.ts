/**
 * The message catalogs, one chunk per language (scripts/vite-message-languages.mjs keeps the other
 * language out of each), fetched on demand: both together are ~70 KB gzip and a visitor reads one.
 * main.ts loads the current language's catalog before mounting the app and `locale.set` loads the next one
 * before switching, so `t()` always finds its catalog. Both catalogs have the same keys (zh-cn.ts is typed
 * against en.ts), so any loaded catalog answers "is this a message key?".
 */
import type { Locale } from '../state/locale.svelte';
import type { Messages } from './messages/en';

const LOADERS: Record<Locale, () => Promise<Messages>> = {
  'zh-CN': () => import('./messages/zh-cn').then((module) => module.zhCN),
  en: () => import('./messages/en').then((module) => module.en),
};

// Plain maps on purpose: `t()` runs in every row of every list and must not track them; readers that want
// to update when a catalog arrives read `arrivals`.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const loaded = new Map<Locale, Messages>();
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const pending = new Map<Locale, Promise<Messages>>();
// Bumped when a catalog arrives (`t()` needs no such signal: the current language's catalog is always
// there before the language switches to it).
let arrivals = $state(0);

/** The catalog of `locale` if it has been loaded. */
export function catalog(locale: Locale): Messages | undefined {
  return loaded.get(locale);
}

/** Any loaded catalog: for key checks, and as a readable fallback should the current one be missing. */
export function anyCatalog(): Messages | undefined {
  return loaded.values().next().value;
}

/** Loads the catalog of `locale` once; a failed load is forgotten, so the next call tries again. */
export function loadCatalog(locale: Locale): Promise<Messages> {
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let request = pending.get(locale);
  if (!request) {
    request = LOADERS[locale]().then(
      (messages) => {
        loaded.set(locale, messages);
        pending.delete(locale);
        arrivals++;
        return messages;
      },
      (error: unknown) => {
        pending.delete(locale);
        throw error;
      },
    );
    pending.set(locale, request);
  }
  return request;
}

/**
 * The English catalog whatever the interface language (the command palette matches English names too),
 * or undefined while it loads; reactive, so a `$derived` reading it updates when it arrives.
 */
export function englishMessages(): Messages | undefined {
  void arrivals;
  const messages = loaded.get('en');
  if (!messages) loadCatalog('en').catch(() => {}); // without English names the palette still matches
  return messages;
}
