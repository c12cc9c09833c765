/**
 * What the persistence engine last reported (saved / saving / error, problems, read-only) plus the storage
 * figures shown in Settings. The header indicator and the problem banners render from this.
 */
import type { PersistenceStatus, Problem, StorageInfo } from '../../../workers/db/contract';
import { dbClient, requestPersistentStorage } from '../db-client';
import { t } from '../i18n';

const INITIAL: PersistenceStatus = {
  state: 'loading',
  lastSavedAt: null,
  seq: 0,
  problems: [],
  readOnly: false,
};

export function problemKey(problem: Problem): string {
  return `${problem.code}\u0000${problem.detail}`;
}

class PersistenceState {
  status = $state<PersistenceStatus>(INITIAL);
  storage = $state<StorageInfo | null>(null);
  /** Problems the user closed; only problems that do not make the workspace read-only can be closed. */
  #dismissed = $state<string[]>([]);
  #persistenceRequested = false;
  #storageTimer: ReturnType<typeof setTimeout> | null = null;

  readOnly = $derived(this.status.readOnly || this.status.problems.some((problem) => problem.readOnly));
  visibleProblems = $derived(
    this.status.problems.filter(
      (problem) => problem.readOnly || !this.#dismissed.includes(problemKey(problem)),
    ),
  );

  /** Why write buttons are disabled, or null when writes are allowed. */
  get blockedReason(): string | null {
    return this.readOnly ? t('banner.readOnly') : null;
  }

  apply(status: PersistenceStatus): void {
    const savedAgain = status.lastSavedAt !== this.status.lastSavedAt;
    this.status = status;
    // Storage use changes with saves; estimating it is not free, so at most once per quiet second.
    if (savedAgain || this.storage === null) {
      if (this.#storageTimer) clearTimeout(this.#storageTimer);
      this.#storageTimer = setTimeout(() => void this.refreshStorage().catch(() => undefined), 1000);
    }
  }

  dismiss(problem: Problem): void {
    if (!problem.readOnly) this.#dismissed = [...this.#dismissed, problemKey(problem)];
  }

  async refreshStorage(): Promise<void> {
    const result = await dbClient().storageInfo();
    if (result.ok) this.storage = result.value;
  }

  /**
   * Browsers grant persistent storage more readily once the site holds real user data, so it is asked for
   * once, after the first successful write of this session (DESIGN: "after the first real data entry").
   */
  async noteUserWrite(): Promise<void> {
    if (this.#persistenceRequested) return;
    this.#persistenceRequested = true;
    try {
      await requestPersistentStorage();
      await this.refreshStorage();
    } catch (error) {
      console.warn('requestPersistence failed', error);
    }
  }
}

export const persistence = new PersistenceState();
