/**
 * Keyboard shortcuts and what they open: Ctrl/⌘+K the command palette, "/" the header's search box, "?"
 * the list of shortcuts, "n" a new record of the list on screen, "g" then a letter a page. Single keys never
 * fire while the user types into a field or while a modal dialog is open (the dialog owns the keyboard,
 * and Escape closes it natively); Ctrl/⌘+K opens the palette from a field too, as it is not a character.
 */
import type { EntityName } from '../../../workers/db/entities/types';
import { dbClient } from '../db-client';
import { t, type MessageKey } from '../i18n';
import { demo } from './demo.svelte';
import { attempt } from './errors';
import { permissions } from './permissions.svelte';
import { persistence } from './persistence.svelte';
import { router, type Route } from './router.svelte';
import { toasts } from './toasts.svelte';

/** "g" then one of these letters goes to the page; listed in this order in the "?" overlay. */
export const GO_KEYS: readonly { key: string; route: Route; label: MessageKey }[] = [
  { key: 'c', route: { name: 'customers' }, label: 'nav.customers' },
  { key: 'l', route: { name: 'records', entity: 'lead' }, label: 'search.entity.lead' },
  { key: 'o', route: { name: 'records', entity: 'opportunity' }, label: 'search.entity.opportunity' },
  { key: 'p', route: { name: 'pipeline' }, label: 'nav.pipeline' },
  { key: 't', route: { name: 'tasks' }, label: 'nav.tasks' },
  { key: 'a', route: { name: 'analytics' }, label: 'nav.analytics' },
  { key: 'd', route: { name: 'dashboard' }, label: 'nav.dashboard' },
  { key: 'i', route: { name: 'import' }, label: 'nav.import' },
  { key: 'b', route: { name: 'backups' }, label: 'nav.backups' },
  { key: 's', route: { name: 'settings' }, label: 'nav.settings' },
];

/** How long "g" waits for its letter. */
const GO_WINDOW_MS = 1500;

/** The user is typing: keys belong to the field (an IME composing Chinese included). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  // Buttons, checkboxes and radios take no text: a shortcut pressed on them is still a shortcut.
  return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file'].includes(type);
}

/** A modal dialog (ours or any other) is open: it owns the keyboard. */
export function modalOpen(): boolean {
  return document.querySelector('dialog[open], [aria-modal="true"]:not([hidden])') !== null;
}

/** The record type that "n" (and the palette's first "New …") creates on the current page. */
export function listEntity(route: Route): EntityName {
  switch (route.name) {
    case 'records':
    case 'record':
      return route.entity;
    case 'pipeline':
      return 'opportunity';
    case 'tasks':
    case 'calendar':
      return 'activity';
    default:
      return 'customer';
  }
}

class Shortcuts {
  paletteOpen = $state(false);
  helpOpen = $state(false);
  /** The record type of the "New …" dialog opened by "n" or the palette. */
  creating = $state<EntityName | null>(null);
  /** Customers already in the workspace, while "add demo data to them?" is asked. */
  demoConfirm = $state<number | null>(null);
  /** "g" was pressed and waits for a letter. */
  pendingGo = $state(false);
  #goTimer: ReturnType<typeof setTimeout> | null = null;

  onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing) return;
    const key = event.key;
    const command = event.ctrlKey || event.metaKey;
    if (command && !event.altKey && !event.shiftKey && key.toLowerCase() === 'k') {
      if (this.paletteOpen) {
        event.preventDefault();
        this.paletteOpen = false;
      } else if (!modalOpen()) {
        event.preventDefault();
        this.openPalette();
      }
      return;
    }
    if (command || event.altKey || isTyping(event.target) || modalOpen()) {
      this.#cancelGo();
      return;
    }
    if (this.pendingGo) {
      this.#cancelGo();
      const target = GO_KEYS.find((entry) => entry.key === key);
      if (target) {
        event.preventDefault();
        router.go(target.route);
      }
      return;
    }
    switch (key) {
      case '/':
        if (focusSearch()) event.preventDefault();
        break;
      case '?':
        event.preventDefault();
        this.helpOpen = true;
        break;
      case 'n':
        event.preventDefault();
        this.newRecord(listEntity(router.route));
        break;
      case 'g':
        event.preventDefault();
        this.pendingGo = true;
        this.#goTimer = setTimeout(() => this.#cancelGo(), GO_WINDOW_MS);
        break;
    }
  }

  openPalette(): void {
    this.#cancelGo();
    this.paletteOpen = true;
  }

  /** Opens the "New …" dialog, unless the workspace is read-only; a type the user may not create → customer. */
  newRecord(entity: EntityName): void {
    if (persistence.readOnly) {
      toasts.error(persistence.blockedReason ?? t('error.read_only'));
      return;
    }
    this.creating = permissions.canEdit(entity) ? entity : 'customer';
  }

  /** Demo data, as in Settings: into an empty workspace at once, into one with customers after a question. */
  async loadDemo(): Promise<void> {
    if (demo.running) return;
    if (persistence.readOnly) {
      toasts.error(persistence.blockedReason ?? t('error.read_only'));
      return;
    }
    const count = await attempt(() =>
      dbClient().listCustomers({ sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 1 }),
    );
    if (count?.ok && count.value.total > 0) this.demoConfirm = count.value.total;
    else await this.runDemo();
  }

  async runDemo(): Promise<void> {
    this.demoConfirm = null;
    // Progress shows on the customer list and in Settings; elsewhere this note says it is under way.
    const note = toasts.show(t('settings.loadingDemo'), { kind: 'info', timeoutMs: 10 * 60_000 });
    try {
      await demo.run();
    } finally {
      toasts.dismiss(note);
    }
  }

  #cancelGo(): void {
    if (this.#goTimer) clearTimeout(this.#goTimer);
    this.#goTimer = null;
    this.pendingGo = false;
  }
}

/** Focuses the global search box (the header's comes first in the page); false when there is none. */
export function focusSearch(): boolean {
  const box = document.querySelector<HTMLInputElement>('input[data-global-search]');
  if (!box) return false;
  box.focus();
  box.select();
  return true;
}

export const shortcuts = new Shortcuts();
