/**
 * The interface language. Defaults to the browser's preference (any zh* → zh-CN, else en); an explicit
 * choice is remembered in localStorage. Keeps `<html lang>` in sync so screen readers and CJK font
 * selection follow the language.
 */
import { loadCatalog } from '../i18n/catalogs.svelte';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

const STORAGE_KEY = 'crm.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

function readStored(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage disabled: fall back to the browser language
  }
}

export function detectLocale(languages: readonly string[]): Locale {
  const first = languages[0]?.toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

class LocaleState {
  current = $state<Locale>(readStored() ?? detectLocale(navigator.languages ?? [navigator.language]));

  constructor() {
    this.applyToDocument();
  }

  /** Switches once the language's messages are loaded (a chunk of its own, fetched on first use). */
  async set(next: Locale): Promise<void> {
    await loadCatalog(next);
    this.current = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // the choice still applies for this session
    }
    this.applyToDocument();
  }

  private applyToDocument(): void {
    document.documentElement.lang = this.current;
  }
}

export const locale = new LocaleState();
