/**
 * What a capability declares about itself, from its own folder (`server/modules/<name>/<name>.module.ts`):
 * its routes, its sections of the web's navigation (with the roles that see them), the kinds of owed work it
 * plugs into the work engine (whose deadlines feed the reminder worker), its server messages and its step of
 * the demo province. `server/modules/index.ts` lists the modules — a new module is one line there; the app,
 * the navigation, the work engine, the messages and the demo read the list.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/client.js';
import type { Role } from '../modules/access/roles.js';
import type { WorkKindAdapter } from '../modules/work/work.service.js';
import type { RequestContext } from './context.js';
import { registerMessages } from './messages.js';

/** A section of the web's navigation: `<section>` or a page inside it, `<section>.<page>`. */
export type NavSection = {
  id: string;
  /** Who sees it: everyone signed in, or the holders of these roles (those of the API the page uses). */
  roles: readonly Role[] | 'all';
  /** Its place in the navigation (lower first). */
  order: number;
};

/** What the demo province's earlier steps made, for the later ones (ids by code or by symbol). */
export type DemoFacts = {
  provinceId: string;
  /** Demo units by their short key in `demo/nghe-an.ts` (e.g. `tuphap`). */
  unitIds: ReadonlyMap<string, string>;
  /** Register documents by number and symbol (e.g. `1830-QĐ/TU`). */
  documentIds: ReadonlyMap<string, string>;
};

/** A module's step of the demo province (in the seed's transaction): whether it created anything. */
export type DemoStep = { order: number; seed(ctx: RequestContext, facts: DemoFacts): Promise<boolean> };

/**
 * Background work of a module, run on every pass of the background worker (after the deadline reminders):
 * idempotent, because a pass runs every few minutes, in more than one process, and again after a restart — a
 * daily sweep keys what it queues by day or period (e.g. hotline/status-updates.service.ts).
 */
export type ModuleJob = (db: Db, now: Date) => Promise<unknown>;

export type ChidaoModule = {
  name: string;
  /** Route plugins with the prefix each is mounted at. */
  routes?: readonly { plugin: FastifyPluginAsync<never> | FastifyPluginAsync; prefix: string }[];
  sections?: readonly NavSection[];
  workKinds?: readonly WorkKindAdapter[];
  /** Server messages, `{ key: { vi, en } }` (Vietnamese first); their keys join `MessageKey` (core/messages.ts). */
  messages?: Readonly<Record<string, { readonly vi: string; readonly en: string }>>;
  demo?: readonly DemoStep[];
  /** Sweeps run by the background worker on each pass (server/work-kinds.ts gives them to it). */
  jobs?: readonly ModuleJob[];
};

export const defineModule = <M extends ChidaoModule>(module: M): M => module;

const loaded: ChidaoModule[] = [];

/** Called once by `server/modules/index.ts` with the module list: their messages join the catalogs. */
export function loadModules(modules: readonly ChidaoModule[]): void {
  for (const m of modules) {
    if (loaded.some((l) => l.name === m.name)) continue;
    if (m.messages) registerMessages(m.messages);
    loaded.push(m);
  }
}

/** The loaded modules, in their order (the navigation reads their sections at request time). */
export const loadedModules = (): readonly ChidaoModule[] => loaded;
