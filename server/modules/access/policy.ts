import { forbidden } from '../../core/errors.js';
import type { Actor } from './actor.js';

/**
 * Declarative permission rules, one set per entity, in the style `allow(actor, action, subject)`.
 * A rule is a pure function; the service loads what it needs (e.g. the unit path) into the subject.
 */
export type Rule<S> = (actor: Actor, subject: S) => boolean;

export type Policy<S, A extends string> = {
  entity: string;
  actions: readonly A[];
  rules: Record<A, Rule<S>>;
};

export function definePolicy<S, A extends string>(entity: string, rules: Record<A, Rule<S>>): Policy<S, A> {
  return { entity, actions: Object.keys(rules) as A[], rules };
}

export function allow<S, A extends string>(
  policy: Policy<S, A>,
  actor: Actor | null,
  action: A,
  subject: S,
): boolean {
  if (!actor) return false;
  return policy.rules[action](actor, subject);
}

/** The caller's abilities on one record, sent with it so the web never repeats a rule. */
export function abilities<S, A extends string>(
  policy: Policy<S, A>,
  actor: Actor | null,
  subject: S,
): Record<A, boolean> {
  const out = {} as Record<A, boolean>;
  for (const action of policy.actions) out[action] = allow(policy, actor, action, subject);
  return out;
}

/**
 * Set-based check for lists and bulk actions: every subject must be allowed, else 403 naming none of
 * the others' data. Subjects are loaded by the caller in one query.
 */
export function requireAccess<S, A extends string>(
  policy: Policy<S, A>,
  actor: Actor | null,
  action: A,
  subjects: readonly S[],
): void {
  for (const subject of subjects) {
    if (!allow(policy, actor, action, subject)) throw forbidden();
  }
}

export function authorize<S, A extends string>(
  policy: Policy<S, A>,
  actor: Actor | null,
  action: A,
  subject: S,
): void {
  requireAccess(policy, actor, action, [subject]);
}
