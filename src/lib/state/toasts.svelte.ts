/**
 * Short-lived notifications ("Saved", "Deleted … Undo"). Success/info toasts are announced politely,
 * errors assertively (see toast-region.svelte). A toast with an action stays longer, and a hovered or
 * focused toast does not disappear under the pointer/keyboard.
 */
export type ToastKind = 'success' | 'info' | 'error';

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  action?: ToastAction;
  timeoutMs: number;
}

const DEFAULT_TIMEOUT = 4000;
const ACTION_TIMEOUT = 10000;
const ERROR_TIMEOUT = 8000;
const MAX_VISIBLE = 4;

class ToastQueue {
  items = $state<Toast[]>([]);
  #nextId = 1;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();

  show(
    message: string,
    options: { kind?: ToastKind; action?: ToastAction; timeoutMs?: number } = {},
  ): number {
    const kind = options.kind ?? 'success';
    const timeoutMs =
      options.timeoutMs ??
      (options.action ? ACTION_TIMEOUT : kind === 'error' ? ERROR_TIMEOUT : DEFAULT_TIMEOUT);
    const toast: Toast = { id: this.#nextId++, kind, message, action: options.action, timeoutMs };
    this.items = [...this.items, toast].slice(-MAX_VISIBLE);
    this.#schedule(toast.id, timeoutMs);
    return toast.id;
  }

  success(message: string, action?: ToastAction): number {
    return this.show(message, { kind: 'success', action });
  }

  error(message: string): number {
    return this.show(message, { kind: 'error' });
  }

  dismiss(id: number): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    this.items = this.items.filter((toast) => toast.id !== id);
  }

  /** Pointer or focus inside the toast: stop the clock. */
  pause(id: number): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
  }

  resume(id: number): void {
    const toast = this.items.find((item) => item.id === id);
    if (toast) this.#schedule(id, Math.min(toast.timeoutMs, DEFAULT_TIMEOUT));
  }

  #schedule(id: number, ms: number): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.set(
      id,
      setTimeout(() => this.dismiss(id), ms),
    );
  }
}

export const toasts = new ToastQueue();
