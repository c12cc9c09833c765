/**
 * Light/dark theme. "system" follows prefers-color-scheme live; the choice is remembered in localStorage.
 * The resolved theme is written to `<html data-theme>` (CSS custom properties switch on it) and
 * `color-scheme` (native controls and scrollbars follow).
 */
import { MediaQuery } from 'svelte/reactivity';

export type ThemePreference = 'system' | 'light' | 'dark';
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

const STORAGE_KEY = 'crm.theme';

function readStored(): ThemePreference {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' || value === 'system' ? value : 'system';
  } catch {
    return 'system';
  }
}

class ThemeState {
  preference = $state<ThemePreference>(readStored());
  #prefersDark = new MediaQuery('(prefers-color-scheme: dark)');
  resolved = $derived<'light' | 'dark'>(
    this.preference === 'system' ? (this.#prefersDark.current ? 'dark' : 'light') : this.preference,
  );

  set(next: ThemePreference): void {
    this.preference = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // applies for this session only
    }
  }

  /** Called from an effect in the app shell (and once before mount, to avoid a flash of the wrong theme). */
  apply(theme: 'light' | 'dark' = this.resolved): void {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }

  /** Synchronous best guess before the first render. */
  initial(): 'light' | 'dark' {
    if (this.preference !== 'system') return this.preference;
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
}

export const theme = new ThemeState();
