/**
 * Storage that never throws.
 *
 * `localStorage` is missing or throws in private modes, sandboxed iframes, pages with blocked
 * cookies and when the quota is full. Widgets keep working for the visit with an in-memory store and
 * can tell readers, in plain words, that progress is not kept.
 */

/** The part of `Storage` Samleng uses. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** True when values outlive the page (local storage), false for the in-memory fallback. */
  readonly persistent: boolean;
}

class MemoryStore implements KeyValueStore {
  readonly persistent = false;
  readonly #values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.#values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#values.set(key, value);
  }
  removeItem(key: string): void {
    this.#values.delete(key);
  }
}

/** Wraps a working `Storage`, falling back to memory for a value the browser refuses (quota). */
class GuardedStore implements KeyValueStore {
  readonly persistent = true;
  readonly #overflow = new MemoryStore();
  constructor(private readonly storage: Storage) {}
  getItem(key: string): string | null {
    try {
      return this.storage.getItem(key) ?? this.#overflow.getItem(key);
    } catch {
      return this.#overflow.getItem(key);
    }
  }
  setItem(key: string, value: string): void {
    try {
      this.storage.setItem(key, value);
      this.#overflow.removeItem(key);
    } catch {
      this.#overflow.setItem(key, value);
    }
  }
  removeItem(key: string): void {
    this.#overflow.removeItem(key);
    try {
      this.storage.removeItem(key);
    } catch {
      // Nothing to undo: the value is gone from memory and the browser keeps what it keeps.
    }
  }
}

const PROBE = '__samleng_probe__';

/**
 * Opens `localStorage` when it works (a test write and removal succeed), else an in-memory store.
 * @param getStorage where to find the storage; tests pass one that throws.
 */
export function openStorage(
  getStorage: () => Storage | null | undefined = () => globalThis.localStorage,
): KeyValueStore {
  try {
    const storage = getStorage();
    if (!storage) return new MemoryStore();
    storage.setItem(PROBE, PROBE);
    storage.removeItem(PROBE);
    return new GuardedStore(storage);
  } catch {
    return new MemoryStore();
  }
}

let shared: KeyValueStore | undefined;

/** The page's store, opened on first use. */
export function pageStorage(): KeyValueStore {
  shared ??= openStorage();
  return shared;
}

/** Reads JSON, returning `fallback` for a missing or unreadable value. */
export function readJson<T>(store: KeyValueStore, key: string, fallback: T): T {
  const raw = store.getItem(key);
  if (raw === null) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/** Writes JSON; never throws. */
export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  store.setItem(key, JSON.stringify(value));
}
