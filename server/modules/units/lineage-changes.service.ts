/**
 * Tells the caches derived from the registry's lineage that it changed (e.g. the access rule's grants
 * passed on to predecessors, `access/lineage-follow.service`): every write of lineage events, links or unit
 * validity goes through a function wrapped here. A module that keeps such a cache registers a listener;
 * the units module imports none of them (they depend on it, not the other way round).
 */
const listeners = new Set<() => void>();

/** Registers a listener; returns its removal. */
export function onLineageChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Calls every listener (after a write, whether it succeeded or not: a cache is only ever cleared). */
export function lineageChanged(): void {
  for (const listener of listeners) listener();
}

/** The write `fn`, followed by {@link lineageChanged} however it ends. */
export function notifyingLineage<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } finally {
      lineageChanged();
    }
  };
}
