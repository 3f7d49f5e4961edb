/**
 * Telling the people who follow a case (the submitter who asked for it, others who followed it with the key)
 * of each public step by e-mail — what the tracking page says, never who did it or anyone's personal data. The
 * mails are queued inside the step's transaction (a step that fails sends nothing) and sent by the worker.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queueOutsideEmail } from '../notifications/notifications.service.js';
import { formatViDate } from '../periods/index.js';
import { feedbackFollowers } from './hotline.table.js';

export type PublicStep =
  | 'triaged'
  | 'transferred'
  | 'extended'
  | 'answered'
  | 'reopened'
  | 'merged'
  | 'not_accepted'
  | 'forwarded'
  /** No step for a while: where the case stands (./status-updates.service.ts). */
  | 'still_open';

const WHAT: Record<PublicStep, string> = {
  triaged: 'Phản ánh đã được phân loại và chuyển đơn vị xử lý',
  transferred: 'Phản ánh được chuyển sang đơn vị xử lý khác',
  extended: 'Thời hạn trả lời phản ánh được gia hạn',
  answered: 'Phản ánh đã có câu trả lời',
  reopened: 'Phản ánh được xem xét lại',
  merged: 'Phản ánh được gộp với một phản ánh cùng nội dung',
  not_accepted: 'Phản ánh không được tiếp nhận',
  forwarded: 'Phản ánh được chuyển đến cơ quan có thẩm quyền',
  still_open: 'Phản ánh đang được xử lý',
};

/** What the mail says first (and in its subject): the step, and for a status update the deadline it runs to. */
function headline(step: PublicStep, dueDate: string | null | undefined): string {
  return step === 'still_open' && dueDate
    ? `${WHAT[step]}, hạn trả lời ${formatViDate(dueDate)}`
    : WHAT[step];
}

/** The site's address for links in mails (CHIDAO_PUBLIC_URL), set when the app is built. */
let publicUrl: string | undefined;
export function setHotlinePublicUrl(url: string | undefined) {
  publicUrl = url?.replace(/\/+$/, '') || undefined;
}

/**
 * Queues one mail per follower of the case for this step (`stepKey` makes a retry of the same step send once);
 * returns how many mails were queued now (none for a step already told).
 */
export async function tellFollowers(
  tx: Db,
  c: { id: string; code: string; title: string; dueDate?: string | null },
  step: PublicStep,
  note: string | null,
  stepKey: string,
): Promise<number> {
  const followers = await tx
    .select({ id: feedbackFollowers.id, email: feedbackFollowers.email })
    .from(feedbackFollowers)
    .where(and(eq(feedbackFollowers.caseId, c.id), isNull(feedbackFollowers.stoppedAt)));
  const link = `${publicUrl ?? ''}/phan-anh/tra-cuu/${c.code}`;
  const what = headline(step, c.dueDate);
  let queued = 0;
  for (const f of followers) {
    const added = await queueOutsideEmail(tx, {
      to: f.email,
      subject: `[${c.code}] ${what}`,
      text: [
        `${what}.`,
        '',
        `Mã phản ánh: ${c.code}`,
        `Nội dung: ${c.title}`,
        ...(note ? ['', note] : []),
        '',
        `Xem chi tiết: ${link}`,
        '',
        'Thư này được gửi tự động vì bạn đăng ký theo dõi phản ánh; vui lòng không trả lời thư này.',
      ].join('\n'),
      dedupeKey: `hotline:${c.id}:${stepKey}:${f.id}`,
    });
    if (added) queued++;
  }
  return queued;
}

/** How many addresses follow a case now (never which: the public is told only whether someone follows). */
export async function followerCount(db: Db, caseId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(feedbackFollowers)
    .where(and(eq(feedbackFollowers.caseId, caseId), isNull(feedbackFollowers.stoppedAt)));
  return Number(row?.n ?? 0);
}
