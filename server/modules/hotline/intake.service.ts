/**
 * Receiving feedback from every channel (issue 14, point 1–2): the public page, staff entering a call, a letter
 * or a visit, the hotline's e-mail inbox, Open311. One record whatever the channel; one case per piece of
 * feedback even when the client repeats itself (an idempotency key, the same content from the same client
 * within minutes, the same e-mail read twice).
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { FileStore } from '../files/file-store.js';
import { storeUpload } from '../files/files.service.js';
import type { InboundMail } from './mail/inbound-mail.js';
import type { Channel } from './hotline.table.js';
import { feedbackCaseFiles, feedbackCases } from './hotline.table.js';
import { queueCase } from './case-writer.js';

export type CaseIntake = {
  channel: Channel;
  receivedAt?: Date | undefined;
  categoryId?: string | null | undefined;
  subjectUnitId?: string | null | undefined;
  place?: string | undefined;
  lat?: number | null | undefined;
  lng?: number | null | undefined;
  title: string;
  description: string;
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
  anonymous?: boolean | undefined;
  follow?: boolean | undefined;
  fileIds?: readonly { id: string; public: boolean }[] | undefined;
  idempotencyKey?: string | null | undefined;
  /** Who sent it, for the repeat check (an IP address, an API key): hashed with the content. */
  client?: string | null | undefined;
  sourceMessageId?: string | null | undefined;
};

export type IntakeResult = {
  id: string;
  code: string;
  /** The submitter's key, only when this call created the case (a repeat never reveals it again). */
  key: string | null;
  created: boolean;
  receivedOn: string;
  triageDueDate: string;
};

const KEY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A random key of 8 Crockford characters (40 bits): the code is public, this is the submitter's. */
export function newSubmitterKey(): string {
  const bytes = randomBytes(8);
  return [...bytes].map((b) => KEY_ALPHABET[b % 32]).join('');
}
export const hashSubmitterKey = (key: string) => sha256(key.trim().toUpperCase());

/** The repeat check's key: who sent it and what it says, after trimming and folding whitespace. */
export function contentKeyOf(intake: Pick<CaseIntake, 'client' | 'title' | 'description' | 'categoryId'>) {
  if (!intake.client) return null;
  const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return sha256(
    [intake.client, intake.categoryId ?? '', fold(intake.title), fold(intake.description)].join('\n'),
  );
}

/**
 * Records a case: its tracking code and the submitter's key, the working day it counts as received (after
 * hours or on a day off: the next working day), the rules in force that day and the triage deadline; its
 * files, the submitter as a follower when asked, the first step of its history and the journal entry. A repeat
 * returns the first case. The case is written with the others arriving at the same moment (./case-writer.ts);
 * this resolves once it is committed.
 */
export async function createCase(ctx: RequestContext, intake: CaseIntake): Promise<IntakeResult> {
  const now = new Date();
  const receivedAt = intake.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + 60_000)
    throw new AppError(400, 'VALIDATION_FAILED', 'hotline.received_in_future', {}, [
      { field: 'receivedAt', message: 'hotline.received_in_future' },
    ]);
  const key = newSubmitterKey();
  return queueCase({
    ctx,
    intake,
    contentKey: contentKeyOf(intake),
    receivedAt,
    now,
    key,
    keyHash: hashSubmitterKey(key),
    attempt: 0,
  });
}

/** The files of cases (staff see all; the public only those marked public once published). */
export async function caseFiles(ctx: RequestContext, caseIds: readonly string[]) {
  if (!caseIds.length) return [];
  return ctx.db
    .select()
    .from(feedbackCaseFiles)
    .where(inArray(feedbackCaseFiles.caseId, [...caseIds]));
}

/**
 * A mail to the hotline's address becomes a case for triage (./mail/): its subject and text, the sender as the
 * submitter, its attachments kept when they are images or PDF (others are listed in the case's text), keyed by
 * its Message-ID so a mail received twice is one case. Throws only when the mail should be tried again later.
 */
export async function receiveHotlineMail(
  ctx: RequestContext,
  store: FileStore,
  mail: InboundMail,
  maxBytes: number,
): Promise<{ code: string; created: boolean }> {
  if (mail.messageId) {
    const [earlier] = await ctx.db
      .select({ code: feedbackCases.code })
      .from(feedbackCases)
      .where(eq(feedbackCases.sourceMessageId, mail.messageId));
    if (earlier) return { code: earlier.code, created: false };
  }
  const kept: { id: string; public: boolean }[] = [];
  const left: string[] = [];
  for (const a of mail.attachments) {
    try {
      const file = await storeUpload(
        ctx,
        store,
        Readable.from(a.content),
        a.filename || 'tep-dinh-kem',
        maxBytes,
      );
      if (MAIL_FILE_TYPES.includes(file.mediaType)) kept.push({ id: file.id, public: false });
      else left.push(a.filename);
    } catch (err) {
      if (err instanceof AppError && err.status < 500) left.push(a.filename);
      else throw err;
    }
  }
  const note = left.length
    ? `\n\n[Tệp đính kèm không nhận (không phải ảnh hoặc PDF): ${left.join(', ')}]`
    : '';
  const result = await createCase(ctx, {
    channel: 'email',
    receivedAt: mail.receivedAt,
    title: (mail.subject.trim() || '(Thư không có tiêu đề)').slice(0, 200),
    description: ((mail.text.trim() || '(Thư không có nội dung)') + note).slice(0, 10_000),
    name: mail.from.name.slice(0, 120),
    email: mail.from.address.slice(0, 200),
    fileIds: kept,
    sourceMessageId: mail.messageId,
  });
  return { code: result.code, created: result.created };
}

/** What an e-mail's attachment may be to be kept with the case (as on the public form). */
const MAIL_FILE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
