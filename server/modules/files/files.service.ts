import type { Readable } from 'node:stream';
import { eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { cleanFileName, sniffContentType } from './content-type.js';
import { SizeLimitError, type FileStore } from './file-store.js';
import { files } from './files.table.js';

export type StoredFile = typeof files.$inferSelect;

function megabytes(bytes: number) {
  return `${Math.round((bytes / 1048576) * 10) / 10} MB`;
}

/**
 * Stores an upload: streams it to the file store (hashing as it goes), checks its real type from the
 * content, then records it. File I/O happens before the database transaction (PGlite has one
 * connection; nothing slow runs inside a transaction).
 */
export async function storeUpload(
  ctx: RequestContext,
  store: FileStore,
  content: Readable,
  originalName: string,
  maxBytes: number,
): Promise<StoredFile> {
  let stored;
  try {
    stored = await store.put(content, maxBytes);
  } catch (err) {
    if (err instanceof SizeLimitError)
      throw new AppError(413, 'FILE_TOO_LARGE', 'file.too_large', { max: megabytes(maxBytes) });
    throw err;
  }
  // @fastify/multipart truncates instead of failing when its own limit is hit.
  if ((content as Readable & { truncated?: boolean }).truncated) {
    await removeIfUnused(ctx, store, stored.key);
    throw new AppError(413, 'FILE_TOO_LARGE', 'file.too_large', { max: megabytes(maxBytes) });
  }
  if (stored.size === 0) {
    await removeIfUnused(ctx, store, stored.key);
    throw new AppError(400, 'FILE_EMPTY', 'file.empty');
  }
  const name = cleanFileName(originalName);
  let sniffed = await sniffContentType(await store.head(stored.key, 8192), name);
  // An Office file is a zip whose parts may come in any order: when its [Content_Types].xml is not in the
  // first bytes (the docx library, some tools), only the whole archive tells a .docx from any .zip.
  if ('rejected' in sniffed && sniffed.rejected === 'application/zip')
    sniffed = await sniffContentType(await store.head(stored.key, stored.size), name);
  if ('rejected' in sniffed) {
    await removeIfUnused(ctx, store, stored.key);
    throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', 'file.type_not_allowed', { detected: sniffed.rejected });
  }
  return recordStoredFile(ctx, stored, { name, mediaType: sniffed.mediaType, extension: sniffed.extension });
}

/** The file record of content already in the store, journalled. */
async function recordStoredFile(
  ctx: RequestContext,
  stored: { size: number; sha256: string; key: string },
  file: { name: string; mediaType: string; extension: string },
): Promise<StoredFile> {
  const [row] = await ctx.db
    .insert(files)
    .values({
      originalName: file.name,
      mediaType: file.mediaType,
      extension: file.extension,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      createdBy: ctx.actor?.user.id ?? null,
    })
    .returning();
  await recordChange(ctx, { action: 'create', entity: 'file', entityId: row!.id, after: row });
  return row!;
}

/**
 * Stores a file the server made itself (e.g. an export), whose type is known: streamed to the file store
 * and recorded like an upload, without sniffing (a streamed .xlsx keeps the entry that names its type at
 * the end of the archive, beyond what sniffing reads).
 */
export async function storeGeneratedFile(
  ctx: RequestContext,
  store: FileStore,
  content: Readable,
  file: { name: string; mediaType: string; extension: string },
  maxBytes: number,
): Promise<StoredFile> {
  const stored = await store.put(content, maxBytes);
  return recordStoredFile(ctx, stored, { ...file, name: cleanFileName(file.name) });
}

async function removeIfUnused(ctx: RequestContext, store: FileStore, key: string) {
  const [used] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(files)
    .where(eq(files.storageKey, key));
  if (!Number(used?.n)) await store.remove(key);
}

/**
 * Removes a stored file that only its own module refers to (e.g. an expired export): the record and its
 * journal entry in one transaction, then the content unless another record shares it (equal files are
 * stored once). Returns false when there was no such file.
 */
export async function removeStoredFile(ctx: RequestContext, store: FileStore, id: string): Promise<boolean> {
  const removed = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(files).where(eq(files.id, id)).returning();
    if (row)
      await recordChange({ ...ctx, db: tx }, { action: 'delete', entity: 'file', entityId: id, before: row });
    return row;
  });
  if (!removed) return false;
  await removeIfUnused(ctx, store, removed.storageKey);
  return true;
}

export async function getFile(ctx: RequestContext, id: string): Promise<StoredFile> {
  const [row] = await ctx.db.select().from(files).where(eq(files.id, id));
  if (!row) throw notFound('file');
  return row;
}

export async function getFiles(ctx: RequestContext, ids: readonly string[]): Promise<StoredFile[]> {
  if (!ids.length) return [];
  return ctx.db
    .select()
    .from(files)
    .where(inArray(files.id, [...ids]));
}
