import type { Readable } from 'node:stream';
import { and, desc, eq, gte, inArray, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import {
  conflict,
  forbidden,
  notFound,
  staleVersion,
  unauthenticated,
  validation,
} from '../../core/errors.js';
import { abilities, requireAccess } from '../access/policy.js';
import {
  RESTRICTED_READERS,
  canCreateFor,
  DOCUMENT_EDITORS,
  documentPolicy,
  type DocumentSubject,
} from './documents.policy.js';
import { recordChange } from '../audit/audit.service.js';
import type { FileStore } from '../files/file-store.js';
import { getFile, getFiles, storeUpload, type StoredFile } from '../files/files.service.js';
import { ancestorPaths, getUnit, subtreeSql, unitFacts, unitNameSortSql } from '../units/units.service.js';
import type { DocumentOut, DocumentSort } from './documents.schemas.js';
import { documentFiles, documents, legalBases } from './documents.table.js';

type DocumentRow = typeof documents.$inferSelect;

async function subjectsOf(ctx: RequestContext, rows: DocumentRow[]): Promise<Map<string, DocumentSubject>> {
  const paths = await ancestorPaths(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { access: r.access as DocumentSubject['access'], unitPath: paths.get(r.unitId) ?? [r.unitId] },
    ]),
  );
}

async function present(ctx: RequestContext, rows: DocumentRow[]): Promise<DocumentOut[]> {
  if (!rows.length) return [];
  const facts = await unitFacts(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  const subjects = new Map(
    rows.map((r): [string, DocumentSubject] => [
      r.id,
      { access: r.access as DocumentSubject['access'], unitPath: facts.get(r.unitId)?.path ?? [r.unitId] },
    ]),
  );
  const links = await ctx.db
    .select()
    .from(documentFiles)
    .where(
      inArray(
        documentFiles.documentId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(documentFiles.addedAt);
  const fileRows = new Map(
    (
      await getFiles(
        ctx,
        links.map((l) => l.fileId),
      )
    ).map((f) => [f.id, f]),
  );
  return rows.map((r) => ({
    id: r.id,
    numberSymbol: r.numberSymbol,
    type: r.type as DocumentOut['type'],
    issuer: r.issuer,
    issuedOn: r.issuedOn,
    title: r.title,
    summary: r.summary,
    unitId: r.unitId,
    unitName: facts.get(r.unitId)?.name ?? '',
    access: r.access as DocumentOut['access'],
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    files: links
      .filter((l) => l.documentId === r.id)
      .flatMap((l) => {
        const f = fileRows.get(l.fileId);
        return f ? [presentFile(f)] : [];
      }),
    abilities: abilities(documentPolicy, ctx.actor, subjects.get(r.id)!),
  }));
}

const presentFile = (f: StoredFile) => ({
  id: f.id,
  originalName: f.originalName,
  mediaType: f.mediaType,
  size: f.size,
  sha256: f.sha256,
  createdAt: f.createdAt.toISOString(),
});

function requireActor(ctx: RequestContext) {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/**
 * Loads documents by id and checks `action` on all of them at once (set-based): 404 if any is missing,
 * 403 if any is not allowed.
 */
export async function requireDocumentAccess(
  ctx: RequestContext,
  action: 'read' | 'update' | 'delete',
  ids: readonly string[],
): Promise<DocumentRow[]> {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await ctx.db.select().from(documents).where(inArray(documents.id, unique))
    : [];
  if (rows.length !== unique.length) throw notFound('document');
  const subjects = await subjectsOf(ctx, rows);
  requireAccess(
    documentPolicy,
    requireActor(ctx),
    action,
    rows.map((r) => subjects.get(r.id)!),
  );
  return rows;
}

export type DocumentQuery = {
  q?: string | undefined;
  type?: string | undefined;
  unitId?: string | undefined;
  access?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: DocumentSort | undefined;
  dir?: 'asc' | 'desc' | undefined;
  limit: number;
  offset: number;
};

/** The ORDER BY of the register for a sort (text accents and case ignored; missing values last). */
function documentOrder(sort: DocumentSort, dir: 'asc' | 'desc'): SQL[] {
  const d = dir === 'desc' ? sql`DESC` : sql`ASC`;
  const text = (col: SQLWrapper) => sql`f_unaccent(lower(${col})) ${d} NULLS LAST`;
  const key: Record<DocumentSort, SQL> = {
    issuedOn: sql`${documents.issuedOn} ${d}`,
    numberSymbol: text(documents.numberSymbol),
    title: text(documents.title),
    issuer: text(documents.issuer),
    unit: sql`${unitNameSortSql(documents.unitId)} ${d} NULLS LAST`,
    access: sql`CASE ${documents.access} WHEN 'public' THEN 0 WHEN 'internal' THEN 1 ELSE 2 END ${d}`,
  };
  // Ties: newest first, then a stable id so pages never repeat or skip a row.
  return [key[sort], desc(documents.issuedOn), desc(documents.createdAt), desc(documents.id)];
}

/** The register, filtered in SQL to what the caller may read. */
export async function listDocuments(
  ctx: RequestContext,
  query: DocumentQuery,
): Promise<{ items: DocumentOut[]; total: number; abilities: { create: boolean } }> {
  const actor = requireActor(ctx);
  const c: SQL[] = [
    sql`(${documents.access} <> 'restricted' OR ${documents.unitId} IN (${subtreeSql(actor.rootsFor(RESTRICTED_READERS))}))`,
  ];
  if (query.type) c.push(eq(documents.type, query.type));
  if (query.unitId) c.push(eq(documents.unitId, query.unitId));
  if (query.access) c.push(eq(documents.access, query.access));
  if (query.from) c.push(gte(documents.issuedOn, query.from));
  if (query.to) c.push(lte(documents.issuedOn, query.to));
  if (query.q?.trim()) {
    const needle = `%${query.q.trim().toLowerCase()}%`;
    c.push(
      sql`f_unaccent(lower(${documents.numberSymbol} || ' ' || ${documents.title})) LIKE f_unaccent(${needle})`,
    );
  }
  // One query for the page and the total (a window count), not two.
  const page = await ctx.db
    .select({ doc: documents, total: sql<number>`count(*) OVER ()`.mapWith(Number) })
    .from(documents)
    .where(and(...c))
    .orderBy(
      ...documentOrder(
        query.sort ?? 'issuedOn',
        query.dir ?? ((query.sort ?? 'issuedOn') === 'issuedOn' ? 'desc' : 'asc'),
      ),
    )
    .limit(query.limit)
    .offset(query.offset);
  let total = page[0]?.total ?? 0;
  if (!page.length && query.offset > 0) {
    const [count] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(documents)
      .where(and(...c));
    total = Number(count?.n ?? 0);
  }
  return {
    items: await present(
      ctx,
      page.map((p) => p.doc),
    ),
    total,
    // Whether the caller may register documents for at least one unit (the form then checks the unit).
    abilities: { create: actor.hasRole(...DOCUMENT_EDITORS) },
  };
}

export async function getDocument(ctx: RequestContext, id: string): Promise<DocumentOut> {
  const [row] = await requireDocumentAccess(ctx, 'read', [id]);
  return (await present(ctx, [row!]))[0]!;
}

export type DocumentInput = {
  numberSymbol: string;
  type: string;
  issuer: string;
  issuedOn: string;
  title: string;
  summary?: string | null | undefined;
  unitId: string;
  access: 'public' | 'internal' | 'restricted';
};

async function unitPathOf(ctx: RequestContext, unitId: string): Promise<string[]> {
  if (!(await getUnit(ctx.db, unitId))) throw validation('unitId', 'unit.not_found');
  return (await ancestorPaths(ctx.db, [unitId])).get(unitId) ?? [unitId];
}

/** Every number/symbol in the register (seeding checks what is already there). */
export async function listAllDocumentSymbols(ctx: RequestContext): Promise<string[]> {
  return (await ctx.db.select({ s: documents.numberSymbol }).from(documents)).map((r) => r.s);
}

/** Inserts a document record and its journal entry in the caller's transaction (no permission check). */
export async function createDocumentRecord(ctx: RequestContext, input: DocumentInput): Promise<DocumentRow> {
  const [row] = await ctx.db
    .insert(documents)
    .values({ ...input, summary: input.summary ?? null, createdBy: ctx.actor?.user.id ?? null })
    .returning();
  await recordChange(ctx, { action: 'create', entity: 'document', entityId: row!.id, after: row });
  return row!;
}

export async function createDocument(ctx: RequestContext, input: DocumentInput): Promise<DocumentOut> {
  const actor = requireActor(ctx);
  if (!canCreateFor(actor, await unitPathOf(ctx, input.unitId))) throw forbidden();
  const row = await ctx.db.transaction((tx) => createDocumentRecord({ ...ctx, db: tx }, input));
  return (await present(ctx, [row]))[0]!;
}

export async function updateDocument(
  ctx: RequestContext,
  id: string,
  input: Partial<DocumentInput> & { version: number },
): Promise<DocumentOut> {
  const actor = requireActor(ctx);
  const [current] = await requireDocumentAccess(ctx, 'update', [id]);
  if (
    input.unitId &&
    input.unitId !== current!.unitId &&
    !canCreateFor(actor, await unitPathOf(ctx, input.unitId))
  ) {
    throw forbidden();
  }
  const { version, ...patch } = input;
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(documents)
      .set({ ...patch, version: sql`${documents.version} + 1`, updatedAt: new Date() })
      .where(and(eq(documents.id, id), eq(documents.version, version)))
      .returning();
    if (!updated) throw staleVersion('document', current!.version);
    await recordChange(
      { ...ctx, db: tx },
      { action: 'update', entity: 'document', entityId: id, before: current, after: updated },
    );
    return updated;
  });
  return (await present(ctx, [row]))[0]!;
}

export async function deleteDocument(ctx: RequestContext, id: string, version: number): Promise<void> {
  const [current] = await requireDocumentAccess(ctx, 'delete', [id]);
  if (current!.version !== version) throw staleVersion('document', current!.version);
  const [cited] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(legalBases)
    .where(eq(legalBases.documentId, id));
  if (Number(cited?.n)) throw conflict('error.conflict');
  await ctx.db.transaction(async (tx) => {
    const links = await tx.delete(documentFiles).where(eq(documentFiles.documentId, id)).returning();
    const [gone] = await tx
      .delete(documents)
      .where(and(eq(documents.id, id), eq(documents.version, version)))
      .returning();
    if (!gone) throw staleVersion('document', current!.version);
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'delete',
        entity: 'document',
        entityId: id,
        before: { ...current, fileIds: links.map((l) => l.fileId) },
      },
    );
  });
}

/** Attaches an uploaded file; the document's version goes up (others editing it will be told). */
export async function attachFile(
  ctx: RequestContext,
  store: FileStore,
  id: string,
  upload: { content: Readable; filename: string },
  maxBytes: number,
): Promise<DocumentOut> {
  await requireDocumentAccess(ctx, 'update', [id]);
  const file = await storeUpload(ctx, store, upload.content, upload.filename, maxBytes);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(documentFiles).values({ documentId: id, fileId: file.id });
    await tx
      .update(documents)
      .set({ version: sql`${documents.version} + 1`, updatedAt: new Date() })
      .where(eq(documents.id, id));
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'attach_file',
        entity: 'document',
        entityId: id,
        after: { fileId: file.id, name: file.originalName, sha256: file.sha256, size: file.size },
      },
    );
  });
  return getDocument(ctx, id);
}

export async function detachFile(
  ctx: RequestContext,
  id: string,
  fileId: string,
  version: number,
): Promise<DocumentOut> {
  const [current] = await requireDocumentAccess(ctx, 'update', [id]);
  const file = await getFile(ctx, fileId);
  await ctx.db.transaction(async (tx) => {
    const [bumped] = await tx
      .update(documents)
      .set({ version: sql`${documents.version} + 1`, updatedAt: new Date() })
      .where(and(eq(documents.id, id), eq(documents.version, version)))
      .returning();
    if (!bumped) throw staleVersion('document', current!.version);
    const removed = await tx
      .delete(documentFiles)
      .where(and(eq(documentFiles.documentId, id), eq(documentFiles.fileId, fileId)))
      .returning();
    if (!removed.length) throw notFound('file');
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'detach_file',
        entity: 'document',
        entityId: id,
        before: { fileId, name: file.originalName, sha256: file.sha256 },
      },
    );
  });
  return getDocument(ctx, id);
}

/** A file may be downloaded by whoever may read one of the documents it is attached to. */
export async function fileForDownload(ctx: RequestContext, fileId: string): Promise<StoredFile> {
  const file = await getFile(ctx, fileId);
  const links = await ctx.db.select().from(documentFiles).where(eq(documentFiles.fileId, fileId));
  if (!links.length) throw notFound('file');
  for (const link of links) {
    try {
      await requireDocumentAccess(ctx, 'read', [link.documentId]);
      return file;
    } catch {
      /* try the next document */
    }
  }
  throw forbidden();
}

/** Any record cites documents from the register as its legal basis. Replaces the record's citations. */
export async function setLegalBasis(
  ctx: RequestContext,
  entity: string,
  entityId: string,
  documentIds: readonly string[],
): Promise<void> {
  if (documentIds.length) await requireDocumentAccess(ctx, 'read', documentIds);
  const before = await ctx.db
    .select({ documentId: legalBases.documentId })
    .from(legalBases)
    .where(and(eq(legalBases.entity, entity), eq(legalBases.entityId, entityId)));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(legalBases).where(and(eq(legalBases.entity, entity), eq(legalBases.entityId, entityId)));
    if (documentIds.length) {
      await tx
        .insert(legalBases)
        .values([...new Set(documentIds)].map((documentId) => ({ entity, entityId, documentId })));
    }
    await recordChange(
      { ...ctx, db: tx },
      {
        action: 'legal_basis',
        entity,
        entityId,
        before: before.map((b) => b.documentId),
        after: [...new Set(documentIds)],
      },
    );
  });
}

/** The documents a record cites, those the caller may read. */
export async function legalBasisOf(
  ctx: RequestContext,
  entity: string,
  entityId: string,
): Promise<DocumentOut[]> {
  const links = await ctx.db
    .select()
    .from(legalBases)
    .where(and(eq(legalBases.entity, entity), eq(legalBases.entityId, entityId)));
  if (!links.length) return [];
  const rows = await ctx.db
    .select()
    .from(documents)
    .where(
      inArray(
        documents.id,
        links.map((l) => l.documentId),
      ),
    );
  return (await present(ctx, rows)).filter((d) => d.abilities.read);
}

export type DocumentRef = { id: string; numberSymbol: string; issuedOn: string; title: string };

/** Number, date and title of the given documents, those the caller may read (for records citing them). */
export async function documentRefs(
  ctx: RequestContext,
  ids: readonly string[],
): Promise<Map<string, DocumentRef>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, DocumentRef>();
  if (!unique.length) return out;
  const rows = await ctx.db.select().from(documents).where(inArray(documents.id, unique));
  const subjects = await subjectsOf(ctx, rows);
  for (const r of rows) {
    if (!ctx.actor || !documentPolicy.rules.read(ctx.actor, subjects.get(r.id)!)) continue;
    out.set(r.id, { id: r.id, numberSymbol: r.numberSymbol, issuedOn: r.issuedOn, title: r.title });
  }
  return out;
}

/**
 * The numbers the register already gave to documents of one symbol (e.g. "TB-ĐKT") issued between two days — a
 * body's documents are numbered from 01 each calendar year (Decree 30/2020/NĐ-CP, art. 15) — so that the next one
 * can be proposed. Numbers only, whoever may read the documents (the numbering is the register's, not a reader's).
 */
export async function registeredNumbers(
  ctx: RequestContext,
  symbol: string,
  from: string,
  to: string,
): Promise<number[]> {
  const norm = (s: string) => s.replace(/\s+/g, '').toLocaleUpperCase('vi');
  const own = norm(symbol);
  const rows = await ctx.db
    .select({ numberSymbol: documents.numberSymbol })
    .from(documents)
    .where(
      and(
        gte(documents.issuedOn, from),
        lte(documents.issuedOn, to),
        sql`upper(replace(${documents.numberSymbol}, ' ', '')) LIKE ${`%/${own}`}`,
      ),
    );
  return rows.flatMap((r) => {
    const m = /^0*(\d+)\/(.+)$/.exec(norm(r.numberSymbol));
    return m && m[2] === own ? [Number(m[1])] : [];
  });
}

/** The register's document with this number/symbol, if any (seeding looks documents up by it). */
export async function findDocumentBySymbol(
  ctx: RequestContext,
  numberSymbol: string,
): Promise<DocumentRow | undefined> {
  const [row] = await ctx.db.select().from(documents).where(eq(documents.numberSymbol, numberSymbol));
  return row;
}
