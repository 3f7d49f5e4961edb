/**
 * Telling the people who follow a case (the submitter who asked for it, others who followed it with the key)
 * of each public step by e-mail — what the tracking page says, never who did it or anyone's personal data. The
 * mails are queued inside the step's transaction (a step that fails sends nothing) and sent by the worker.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queueOutsideEmail } from '../notifications/notifications.service.js';
import { feedbackFollowers } from './hotline.table.js';

export type PublicStep =
  'triaged' | 'transferred' | 'extended' | 'answered' | 'reopened' | 'merged' | 'not_accepted' | 'forwarded';

const WHAT: Record<PublicStep, string> = {
  triaged: 'Phản ánh đã được phân loại và chuyển đơn vị xử lý',
  transferred: 'Phản ánh được chuyển sang đơn vị xử lý khác',
  extended: 'Thời hạn trả lời phản ánh được gia hạn',
  answered: 'Phản ánh đã có câu trả lời',
  reopened: 'Phản ánh được xem xét lại',
  merged: 'Phản ánh được gộp với một phản ánh cùng nội dung',
  not_accepted: 'Phản ánh không được tiếp nhận',
  forwarded: 'Phản ánh được chuyển đến cơ quan có thẩm quyền',
};

/** The site's address for links in mails (CHIDAO_PUBLIC_URL), set when the app is built. */
let publicUrl: string | undefined;
export function setHotlinePublicUrl(url: string | undefined) {
  publicUrl = url?.replace(/\/+$/, '') || undefined;
}

/** Queues one mail per follower of the case for this step (`stepKey` makes a retry of the same step send once). */
export async function tellFollowers(
  tx: Db,
  c: { id: string; code: string; title: string },
  step: PublicStep,
  note: string | null,
  stepKey: string,
): Promise<number> {
  const followers = await tx
    .select({ id: feedbackFollowers.id, email: feedbackFollowers.email })
    .from(feedbackFollowers)
    .where(and(eq(feedbackFollowers.caseId, c.id), isNull(feedbackFollowers.stoppedAt)));
  const link = `${publicUrl ?? ''}/phan-anh/tra-cuu/${c.code}`;
  for (const f of followers)
    await queueOutsideEmail(tx, {
      to: f.email,
      subject: `[${c.code}] ${WHAT[step]}`,
      text: [
        `${WHAT[step]}.`,
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
  return followers.length;
}
