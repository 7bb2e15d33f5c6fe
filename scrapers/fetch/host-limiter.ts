export interface HostLimiterOptions {
  /** Requests in flight per host. Default 1. */
  concurrency?: number;
  /** Minimum time between the starts of two requests to one host. Default 1000 ms. */
  minDelayMs?: number;
}

interface HostState {
  active: number;
  lastStart: number;
  waiting: (() => void)[];
  timer: NodeJS.Timeout | null;
  forget: NodeJS.Timeout | null;
}

/** Politeness per host (`hostname:port`): at most N requests at once and a minimum delay between starts. */
export class HostLimiter {
  private readonly concurrency: number;
  private readonly minDelayMs: number;
  private readonly hosts = new Map<string, HostState>();

  constructor(options: HostLimiterOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.minDelayMs = Math.max(0, options.minDelayMs ?? 1000);
  }

  /** Runs `task` when the URL's host has a free slot and its delay has passed. */
  async run<T>(url: string | URL, task: () => Promise<T>): Promise<T> {
    const host = new URL(url).host;
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, lastStart: -Infinity, waiting: [], timer: null, forget: null };
      this.hosts.set(host, state);
    }
    const slot = state;
    await new Promise<void>((resolve) => {
      slot.waiting.push(resolve);
      this.pump(host, slot);
    });
    try {
      return await task();
    } finally {
      slot.active -= 1;
      this.pump(host, slot);
    }
  }

  stats(): { hosts: number; active: number; waiting: number } {
    let active = 0;
    let waiting = 0;
    for (const s of this.hosts.values()) {
      active += s.active;
      waiting += s.waiting.length;
    }
    return { hosts: this.hosts.size, active, waiting };
  }

  private pump(host: string, state: HostState): void {
    if (state.forget) clearTimeout(state.forget);
    state.forget = null;
    if (state.timer) return;
    while (state.active < this.concurrency && state.waiting.length > 0) {
      const wait = state.lastStart + this.minDelayMs - Date.now();
      if (wait > 0) {
        state.timer = setTimeout(() => {
          state.timer = null;
          this.pump(host, state);
        }, wait);
        return;
      }
      state.active += 1;
      state.lastStart = Date.now();
      state.waiting.shift()?.();
    }
    if (state.active === 0 && state.waiting.length === 0) this.forgetLater(host, state);
  }

  /** Drops an idle host once its delay has passed, so the map does not grow with every host ever seen. */
  private forgetLater(host: string, state: HostState): void {
    state.forget = setTimeout(() => {
      if (this.hosts.get(host) === state && state.active === 0 && state.waiting.length === 0) this.hosts.delete(host);
    }, this.minDelayMs);
    state.forget.unref();
  }
}
