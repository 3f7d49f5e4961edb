import type { EntityName } from './labels.js';
import type { MessageKey } from './messages.js';

/**
 * The one error type of chidao. Every error that reaches a client is `{ error: { code, message } }`,
 * with `message` translated to the caller's language; `status` is the HTTP status.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    /** Each problem of a request; `params` fill its own message (else the error's `params` do). */
    readonly details?: { field: string; message: string; params?: Record<string, string | number> }[],
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
  }
}

export const badRequest = (key: MessageKey, params?: Record<string, string | number>) =>
  new AppError(400, 'BAD_REQUEST', key, params);
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', 'error.unauthenticated');
export const forbidden = (key: MessageKey = 'error.forbidden') => new AppError(403, 'FORBIDDEN', key);
/** `entity` must be a registered kind of record (core/labels.ts): the message names it in words. */
export const notFound = (entity: EntityName) => new AppError(404, 'NOT_FOUND', 'error.not_found', { entity });
export const conflict = (key: MessageKey = 'error.conflict', params?: Record<string, string | number>) =>
  new AppError(409, 'CONFLICT', key, params);
/** A write based on an old version of the record (optimistic concurrency). */
export const staleVersion = (entity: EntityName, current: number) =>
  new AppError(409, 'STALE_VERSION', 'error.stale_version', { entity, current });
export const validation = (field: string, key: MessageKey, params: Record<string, string | number> = {}) =>
  new AppError(400, 'VALIDATION_FAILED', key, { field, ...params }, [{ field, message: key }]);
