/**
 * Where a checklist keeps its progress: one storage entry per checklist, holding the ids of the
 * finished steps. Ids the list no longer shows are kept, so a step the partner removes and brings
 * back, or moves, keeps its state; new steps start unticked.
 */
import { readJson, writeJson, type KeyValueStore } from '@samleng/core';

const PREFIX = 'samleng-checklist:';

/** The default `storage-key`: the page's path and the checklist's heading (or feed). */
export function defaultStorageKey(path: string, label: string): string {
  return `${path}#${label.trim()}`;
}

/** The storage entry for a `storage-key`. */
export const storageItem = (key: string): string => `${PREFIX}${key}`;

/** The finished ids in a stored value; anything unreadable counts as nothing done. */
export function parseDone(value: unknown): Set<string> {
  const done = (value as { done?: unknown } | null)?.done;
  if (!Array.isArray(done)) return new Set();
  return new Set(done.filter((id): id is string => typeof id === 'string'));
}

/** The finished ids kept under `item`. */
export function readDone(store: KeyValueStore, item: string): Set<string> {
  return parseDone(readJson<unknown>(store, item, null));
}

/** Keeps the finished ids under `item`; an empty list removes the entry. */
export function writeDone(store: KeyValueStore, item: string, done: ReadonlySet<string>): void {
  if (done.size === 0) store.removeItem(item);
  else writeJson(store, item, { version: 1, done: [...done] });
}
