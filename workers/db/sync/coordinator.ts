/**
 * How tabs of one workspace take turns writing and hear about each other's writes.
 * In the browser: the Web Lock `crm-write:<store>` (released by the browser if a tab dies mid-write)
 * and a BroadcastChannel announcing each appended seq. The log's compare-and-set append keeps writes
 * correct even without the lock; the lock only avoids wasted retries.
 */
export interface Announcement {
  seq: number;
  tab: string;
  tables: string[];
}

export interface Coordinator {
  /** Runs `task` while holding the workspace's write lock. */
  withWriteLock<T>(task: () => Promise<T>): Promise<T>;
  announce(message: Announcement): void;
  onAnnouncement(listener: (message: Announcement) => void): void;
  /** False when the browser lacks Web Locks and a tab-local lock stands in. */
  readonly crossTabLocks: boolean;
  close(): void;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise-chain mutex: tasks run one at a time in call order. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export class BrowserCoordinator implements Coordinator {
  readonly crossTabLocks: boolean;
  private readonly channel: BroadcastChannel | null;
  private readonly localLock = new Mutex();

  constructor(private readonly workspace: string) {
    this.crossTabLocks = typeof navigator !== 'undefined' && 'locks' in navigator && !!navigator.locks;
    this.channel =
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(`crm-log:${workspace}`) : null;
  }

  withWriteLock<T>(task: () => Promise<T>): Promise<T> {
    if (!this.crossTabLocks) return this.localLock.run(task);
    return navigator.locks.request(`crm-write:${this.workspace}`, { mode: 'exclusive' }, task) as Promise<T>;
  }

  announce(message: Announcement): void {
    this.channel?.postMessage(message);
  }

  onAnnouncement(listener: (message: Announcement) => void): void {
    if (this.channel) this.channel.onmessage = (event: MessageEvent<Announcement>) => listener(event.data);
  }

  close(): void {
    this.channel?.close();
  }
}

/**
 * Several engines in one process (unit tests standing in for tabs): a shared mutex plays the Web Lock
 * and a shared BroadcastChannel name the channel.
 */
export class InProcessCoordinator implements Coordinator {
  readonly crossTabLocks = true;
  private readonly channel: BroadcastChannel;

  constructor(
    private readonly lock: Mutex,
    channelName: string,
  ) {
    this.channel = new BroadcastChannel(channelName);
  }

  withWriteLock<T>(task: () => Promise<T>): Promise<T> {
    return this.lock.run(task);
  }

  announce(message: Announcement): void {
    this.channel.postMessage(message);
  }

  onAnnouncement(listener: (message: Announcement) => void): void {
    this.channel.onmessage = (event: MessageEvent<Announcement>) => listener(event.data);
  }

  close(): void {
    this.channel.close();
  }
}
