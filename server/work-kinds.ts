/**
 * The kinds of owed work plugged into the work engine (server/modules/work), and the engine's wiring into
 * the background worker. A module declares its kinds (`workKinds` in `<name>.module.ts`), each adapter one file
 * in the module (e.g. `plans/plan-task.work-kind.ts`) with its pure rules beside it.
 */
import type { FileStore } from './modules/files/file-store.js';
import type { DeadlineFeed, Housekeeping } from './modules/notifications/notifications.worker.js';
import { MODULES } from './modules/index.js';
import type { ChidaoModule } from './core/module.js';
import {
  deadlineItem,
  expireUploads,
  openDeadlines,
  registerWorkKind,
  type WorkKind,
} from './modules/work/work.service.js';

export function registerWorkKinds(): void {
  for (const m of MODULES as readonly ChidaoModule[])
    for (const kind of m.workKinds ?? []) registerWorkKind(kind);
}

/** The deadlines of every kind, for the reminder worker. */
export const workDeadlineFeed: DeadlineFeed = {
  open: openDeadlines,
  one: (db, kind, id) => deadlineItem(db, kind as WorkKind, id),
};

/**
 * What the worker needs from the engine: its deadline feed, and the removal of expired uploads; and the modules'
 * own sweeps (`jobs` in `<name>.module.ts`).
 */
export function workForWorker(store: FileStore | null): { feed: DeadlineFeed; housekeeping: Housekeeping[] } {
  registerWorkKinds();
  const expiry: Housekeeping[] = store ? [(db, now) => expireUploads(db, store, now)] : [];
  return {
    feed: workDeadlineFeed,
    housekeeping: [...expiry, ...(MODULES as readonly ChidaoModule[]).flatMap((m) => m.jobs ?? [])],
  };
}
