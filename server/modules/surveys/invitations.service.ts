/**
 * Personal one-time links (thư mời): a list of respondents imported from a workbook (one row per person: unit,
 * group, name, and an e-mail or a phone for Zalo/SMS), each invited by a mail carrying a link with a random token —
 * only the token's SHA-256 is stored, so the database cannot rebuild a link, and in an anonymous survey the
 * invitation later records only that it was used (never when, never by which response).
 *
 * Since no token is stored, a mail can never repeat an earlier link. So **every mail issues a fresh token** and
 * replaces the stored hash: the invitation mail when the survey is open (an import into a draft waits; opening the
 * survey mails them), and each reminder — which says plainly that the earlier link no longer works. A reminder goes
 * to an invitation not yet used, last mailed at least `REMINDER_RULE.afterDays` days ago, at most
 * `REMINDER_RULE.maxReminders` times (the background worker, ./reminders.job.ts; the office may remind by hand
 * those mailed at least `manualAfterDays` ago). Mails are queued in the transaction of the step that sends them
 * (notifications' outside mail), so a step that fails sends nothing.
 *
 * A row with only a phone (Zalo or SMS: provinces send the forms that way too) is not mailed: its link is issued at
 * the import, even into a draft (it works once the survey opens), and returned **once** in the import's answer
 * for the office to send itself — like a mail's, it is stored nowhere but as its hash. The phone is kept in
 * `address` like an e-mail (to recognise the same person again) and erased at closing like it. Reminders are mails,
 * so they skip phone-only invitations: the office re-sends the link it was given, or, if it lost the list, asks for
 * fresh links for those not used yet (`reissueLinks`), which makes the earlier ones stop working.
 *
 * The import is all or nothing (any bad row refuses the file, every problem listed) and idempotent: the same
 * address or phone for the same target again is counted `alreadyInvited` (and gives no new link). In an anonymous
 * survey the journal holds counts, never an address, a phone or a link.
 */
import { foldText } from '../../core/fold.js';
import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import type { RequestContext } from '../../core/context.js';
import { AppError, badRequest, conflict } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../audit/audit.service.js';
import { queueOutsideEmail } from '../notifications/notifications.service.js';
import { formatViDate } from '../periods/index.js';
import { getUnits, unitDisplayName, viCollator } from '../units/units.service.js';
import { recordedNotice } from './rules/anonymity.js';
import { nums } from './rules/text.js';
import type { InvitationImportOut, InvitationLinkOut, InvitationLinksOut } from './surveys.schemas.js';
import { invitationUrl, loadManaged, sha256, type SurveyRow } from './surveys.service.js';
import { surveyInvitations, surveys, type TargetGroup } from './surveys.table.js';
import { cellValue, loadWorkbook, type Cell } from './xlsform.js';

/** When reminders go out: a few days after the last mail, at most twice (settings of this installation). */
export const REMINDER_RULE = { afterDays: 3, maxReminders: 2, manualAfterDays: 1 } as const;
export type ReminderRule = { afterDays: number; maxReminders: number };

/** The most rows one import may hold. */
export const MAX_INVITATION_ROWS = 5000;

/** A new token (32 random bytes, base64url) and the hash that is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

const plain = foldText;

const GROUP_WORDS: Record<string, TargetGroup> = {
  'nguoi dan': 'citizen',
  'cong dan': 'citizen',
  citizen: 'citizen',
  citizens: 'citizen',
  'doanh nghiep': 'business',
  business: 'business',
  businesses: 'business',
  'cong chuc': 'official',
  'can bo, cong chuc': 'official',
  official: 'official',
  officials: 'official',
  'dai bieu': 'deputy',
  deputy: 'deputy',
  deputies: 'deputy',
};

export const GROUP_LABELS: Record<TargetGroup, { vi: string; en: string }> = {
  citizen: { vi: 'Người dân', en: 'Citizens' },
  business: { vi: 'Doanh nghiệp', en: 'Businesses' },
  official: { vi: 'Công chức', en: 'Officials' },
  deputy: { vi: 'Đại biểu', en: 'Deputies' },
};

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** An e-mail is kept with its "@"; a phone never has one (the two share the `address` column). */
export const isEmailAddress = (address: string) => address.includes('@');
const EMAIL_ADDRESS = sql`position('@' in ${surveyInvitations.address}) > 0`;
const PHONE_ADDRESS = sql`position('@' in ${surveyInvitations.address}) = 0`;

/**
 * A Vietnamese phone number as kept: 10 digits starting with 0 (`+84…` written as `0…`; spaces, dots, dashes and
 * brackets dropped); null when the value is not one.
 */
export function normalisePhone(value: Cell): string | null {
  if (value === null) return null;
  // Excel turns 0912345678 typed into a number cell into 912345678: the lost leading zero is put back.
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 1e8 && value < 1e9 ? `0${value}` : null;
  const m = /^(?:\+84|0)([1-9]\d{8})$/.exec(value.replace(/[\s.\-()]/g, ''));
  return m ? `0${m[1]}` : null;
}

type Column = 'unit' | 'group' | 'name' | 'email' | 'phone';
const COLUMN_LABELS: Record<Column, string> = {
  unit: 'Đơn vị / Unit',
  group: 'Nhóm / Group',
  name: 'Họ tên / Name',
  email: 'E-mail',
  phone: 'Điện thoại / Zalo',
};

function columnOf(header: string): Column | null {
  const h = plain(header);
  if (!h) return null;
  if (h.includes('mail') || h.includes('thu dien tu')) return 'email';
  if (h.includes('dien thoai') || h.includes('zalo') || h.includes('phone') || h === 'sdt') return 'phone';
  if (h.includes('don vi') || h.includes('unit')) return 'unit';
  if (h.includes('nhom') || h.includes('group')) return 'group';
  if (h.includes('ho ten') || h.includes('ho va ten') || h.includes('name')) return 'name';
  return null;
}

/** A person of the list: mailed when there is an e-mail, otherwise given a link to send by Zalo/SMS. */
type Invitee = { row: number; targetId: string; name: string; email: string | null; phone: string | null };
type RowProblem = { row: number; column?: Column; message: { vi: string; en: string } };

/** Reads the list against the survey's targets: the invitees, or every problem (row, column, both languages). */
export function readInvitees(
  ws: ExcelJS.Worksheet | undefined,
  targets: readonly { id: string; unitId: string; targetGroup: TargetGroup }[],
  units: readonly { id: string; name: string; fullName: string | null; code: string; kind: string }[],
): { invitees: Invitee[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const invitees: Invitee[] = [];
  if (!ws)
    return {
      invitees,
      problems: [
        { row: 1, message: { vi: 'Tệp không có trang tính nào.', en: 'The workbook has no sheet.' } },
      ],
    };
  const header = ws.getRow(1);
  const at = new Map<Column, number>();
  for (let c = 1; c <= Math.min(ws.columnCount, 40); c++) {
    const col = columnOf(String(cellValue(header.getCell(c).value) ?? ''));
    if (col && !at.has(col)) at.set(col, c);
  }
  if (!at.has('unit'))
    problems.push({
      row: 1,
      column: 'unit',
      message: {
        vi: `Thiếu cột “${COLUMN_LABELS.unit}” ở dòng tiêu đề.`,
        en: `The header has no “${COLUMN_LABELS.unit}” column.`,
      },
    });
  if (!at.has('email') && !at.has('phone'))
    problems.push({
      row: 1,
      column: 'email',
      message: {
        vi: `Thiếu cột “${COLUMN_LABELS.email}” hoặc “${COLUMN_LABELS.phone}” ở dòng tiêu đề.`,
        en: `The header has neither an “${COLUMN_LABELS.email}” nor a “${COLUMN_LABELS.phone}” column.`,
      },
    });
  if (problems.length) return { invitees, problems };

  const unitKeys = new Map<string, string[]>();
  for (const u of units)
    for (const k of new Set(
      [u.name, u.fullName ?? '', unitDisplayName(u), u.code].map(plain).filter(Boolean),
    )) {
      const list = unitKeys.get(k) ?? [];
      if (!list.includes(u.id)) list.push(u.id);
      unitKeys.set(k, list);
    }
  const text = (v: Cell) => (v === null ? '' : String(v).trim());
  const raw = (row: ExcelJS.Row, col: Column): Cell =>
    at.has(col) ? cellValue(row.getCell(at.get(col)!).value) : null;
  const get = (row: ExcelJS.Row, col: Column) => text(raw(row, col));
  let count = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const unitText = get(row, 'unit');
    const groupText = get(row, 'group');
    const name = get(row, 'name').slice(0, 300);
    const email = get(row, 'email').toLowerCase();
    const phoneText = get(row, 'phone');
    if (!unitText && !groupText && !name && !email && !phoneText) return;
    count++;
    if (count > MAX_INVITATION_ROWS) return;
    const problemsBefore = problems.length;
    const add = (column: Column, vi: string, en: string) =>
      problems.push({ row: n, column, message: { vi, en } });
    const unitIds = unitKeys.get(plain(unitText)) ?? [];
    let targetId: string | null = null;
    if (!unitText) add('unit', 'Thiếu đơn vị.', 'The unit is missing.');
    else if (unitIds.length !== 1)
      add(
        'unit',
        `“${unitText}” không phải đơn vị được khảo sát (ghi tên hoặc mã đơn vị).`,
        `“${unitText}” is not a surveyed unit (write its name or code).`,
      );
    else {
      const own = targets.filter((t) => t.unitId === unitIds[0]);
      const group = groupText ? GROUP_WORDS[plain(groupText)] : undefined;
      if (groupText && !group)
        add(
          'group',
          `Không hiểu nhóm “${groupText}” (Người dân, Doanh nghiệp, Công chức hoặc Đại biểu).`,
          `Unknown group “${groupText}” (Citizens, Businesses, Officials or Deputies).`,
        );
      else if (group) {
        targetId = own.find((t) => t.targetGroup === group)?.id ?? null;
        if (!targetId)
          add(
            'group',
            `Đơn vị “${unitText}” không được khảo sát với nhóm “${GROUP_LABELS[group].vi}”.`,
            `“${unitText}” is not surveyed for the group “${GROUP_LABELS[group].en}”.`,
          );
      } else if (own.length === 1) targetId = own[0]!.id;
      else
        add(
          'group',
          'Đơn vị được khảo sát với nhiều nhóm: cần ghi nhóm.',
          'The unit is surveyed for several groups: write the group.',
        );
    }
    const emailOk = !!email && email.length <= 254 && EMAIL.test(email);
    const phone = phoneText ? normalisePhone(raw(row, 'phone')) : null;
    if (!email && !phoneText)
      add(
        at.has('phone') ? 'phone' : 'email',
        at.has('phone') ? 'Thiếu e-mail hoặc số điện thoại / Zalo.' : 'Thiếu địa chỉ e-mail.',
        at.has('phone') ? 'Neither an e-mail nor a phone / Zalo number.' : 'The e-mail address is missing.',
      );
    if (email && !emailOk)
      add(
        'email',
        `“${email}” không phải địa chỉ e-mail hợp lệ.`,
        `“${email}” is not a valid e-mail address.`,
      );
    if (phoneText && !phone)
      add(
        'phone',
        `“${phoneText}” không phải số điện thoại hợp lệ (10 chữ số bắt đầu bằng 0, hoặc +84…).`,
        `“${phoneText}” is not a valid phone number (10 digits starting with 0, or +84…).`,
      );
    // A row with an e-mail is mailed (its phone is not needed, so not kept); one with only a phone gets a link.
    if (targetId && problems.length === problemsBefore)
      invitees.push({ row: n, targetId, name, email: email || null, phone: email ? null : phone });
  });
  if (count > MAX_INVITATION_ROWS)
    problems.unshift({
      row: MAX_INVITATION_ROWS + 2,
      message: {
        vi: `Mỗi lần nhập tối đa ${MAX_INVITATION_ROWS} dòng.`,
        en: `At most ${MAX_INVITATION_ROWS} rows per import.`,
      },
    });
  return { invitees, problems };
}

// ---------------------------------------------------------------------------------------------------
// Mails

type MailSurvey = Pick<SurveyRow, 'id' | 'title' | 'closesOn' | 'anonymous'> & { province: string };

function invitationMail(
  s: MailSurvey,
  unit: string,
  name: string,
  token: string,
  reminder: boolean,
): { subject: string; text: string } {
  const link = invitationUrl(token);
  const recorded = recordedNotice({ anonymous: s.anonymous, channel: 'invitation' });
  const due = s.closesOn ? formatViDate(s.closesOn) : null;
  const vi = [
    `Kính gửi ${name || 'Ông/Bà'},`,
    '',
    reminder
      ? `Đây là thư nhắc: ${s.province} mong nhận được ý kiến của Ông/Bà trong “${s.title}” về ${unit}.`
      : `${s.province} trân trọng mời Ông/Bà tham gia “${s.title}” về ${unit}.`,
    'Ông/Bà trả lời tại đường dẫn riêng dưới đây (chỉ dùng được một lần):',
    link,
    ...(reminder
      ? ['Đường dẫn trong thư trước không còn dùng được; vui lòng dùng đường dẫn trong thư này.']
      : []),
    ...(due ? [`Hạn trả lời: ${due}.`] : []),
    '',
    recorded.vi,
    '',
    'Thư được gửi tự động; vui lòng không trả lời thư này.',
  ];
  const en = [
    `Dear ${name || 'Sir or Madam'},`,
    '',
    reminder
      ? `A reminder: ${s.province} would value your answers to “${s.title}” about ${unit}.`
      : `${s.province} invites you to take part in “${s.title}” about ${unit}.`,
    'Please answer through your personal link below (it works once):',
    link,
    ...(reminder ? ['The link in the earlier mail no longer works; please use the one in this mail.'] : []),
    ...(due ? [`Please answer by ${due}.`] : []),
    '',
    recorded.en,
    '',
    'This mail was sent automatically; please do not reply to it.',
  ];
  return {
    subject: reminder ? `Nhắc trả lời khảo sát: ${s.title}` : `Mời tham gia khảo sát: ${s.title}`,
    text: [...vi, '', '---', '', ...en].join('\n'),
  };
}

/** Issues a fresh token for each invitation, stores its hash and queues its mail (inside the caller's transaction). */
async function issueAndMail(
  tx: Db,
  s: MailSurvey,
  invitations: readonly {
    id: string;
    address: string | null;
    name: string;
    unit: string;
    reminders: number;
  }[],
  kind: 'invite' | 'remind',
  now: Date,
): Promise<number> {
  let sent = 0;
  for (const inv of invitations) {
    // A phone-only invitation is never mailed (its link is given to the office to send by Zalo/SMS).
    if (!inv.address || !isEmailAddress(inv.address)) continue;
    const { token, hash } = newToken();
    const mail = invitationMail(s, inv.unit, inv.name, token, kind === 'remind');
    await tx
      .update(surveyInvitations)
      .set(
        kind === 'invite'
          ? { tokenHash: hash, sentAt: now }
          : { tokenHash: hash, reminders: inv.reminders + 1, lastRemindedAt: now },
      )
      .where(eq(surveyInvitations.id, inv.id));
    await queueOutsideEmail(tx, {
      to: inv.address,
      ...mail,
      dedupeKey: `survey:${kind}:${inv.id}:${kind === 'invite' ? hash.slice(0, 16) : inv.reminders + 1}`,
    });
    sent++;
  }
  return sent;
}

/** The names of a survey's province and of its targets' units, read before a transaction. */
export async function mailContext(
  db: Db,
  row: SurveyRow,
  targets: readonly { id: string; unitId: string }[],
) {
  const list = await getUnits(db, [row.provinceId, ...targets.map((t) => t.unitId)]);
  const names = new Map(list.map((u) => [u.id, unitDisplayName(u)]));
  return {
    survey: {
      id: row.id,
      title: row.title,
      closesOn: row.closesOn,
      anonymous: row.anonymous,
      province: names.get(row.provinceId) ?? '',
    },
    unitOfTarget: new Map(targets.map((t) => [t.id, names.get(t.unitId) ?? ''])),
  };
}

/**
 * Mails the invitations of a survey not mailed yet (at opening), inside the opening's transaction; returns how
 * many were sent.
 */
export async function sendPendingInvitations(
  tx: Db,
  mail: Awaited<ReturnType<typeof mailContext>>,
  now: Date,
): Promise<number> {
  const pending = await tx
    .select()
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.surveyId, mail.survey.id),
        isNull(surveyInvitations.sentAt),
        eq(surveyInvitations.used, false),
        isNotNull(surveyInvitations.address),
        EMAIL_ADDRESS,
      ),
    );
  return issueAndMail(
    tx,
    mail.survey,
    pending.map((p) => ({ ...p, unit: mail.unitOfTarget.get(p.targetId) ?? '' })),
    'invite',
    now,
  );
}

// ---------------------------------------------------------------------------------------------------
// Import

function invitationsInvalid(ctx: RequestContext, sheet: string, problems: readonly RowProblem[]): AppError {
  const lang = ctx.locale === 'en' ? 'en' : 'vi';
  return new AppError(
    400,
    'IMPORT_INVALID',
    'survey.invitations_invalid',
    { count: problems.length },
    problems.map((p) => ({
      field: `${sheet}!${p.row}${p.column ? ` ${COLUMN_LABELS[p.column]}` : ''}`,
      message: p.message[lang] || p.message.vi,
    })),
  );
}

export async function importInvitations(
  ctx: RequestContext,
  id: string,
  upload: { buffer: Buffer; filename: string },
  now: Date = new Date(),
): Promise<InvitationImportOut> {
  const loaded = await loadManaged(ctx, id);
  const { row, targets } = loaded;
  if (row.status === 'closed') throw conflict('survey.closed');
  if (!targets.length) throw badRequest('survey.no_targets');
  const wb = await loadWorkbook(upload);
  const ws = wb.worksheets[0];
  const units = await getUnits(ctx.db, [...new Set(targets.map((t) => t.unitId))]);
  const { invitees, problems } = readInvitees(ws, targets, units);
  if (problems.length) throw invitationsInvalid(ctx, ws?.name ?? 'Sheet1', problems);
  if (!invitees.length) throw badRequest('survey.invitations_empty');
  const mail = await mailContext(ctx.db, row, targets);
  const groupOf = new Map(targets.map((t) => [t.id, t.targetGroup]));

  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const existing = await tx
      .select({ targetId: surveyInvitations.targetId, address: surveyInvitations.address })
      .from(surveyInvitations)
      .where(and(eq(surveyInvitations.surveyId, id), isNotNull(surveyInvitations.address)));
    const known = new Set(existing.map((e) => `${e.targetId}|${e.address}`));
    const fresh: (Invitee & { address: string })[] = [];
    let alreadyInvited = 0;
    for (const inv of invitees) {
      const address = (inv.email ?? inv.phone)!;
      const key = `${inv.targetId}|${address}`;
      if (known.has(key)) {
        alreadyInvited++;
        continue;
      }
      known.add(key);
      fresh.push({ ...inv, address });
    }
    let sent = 0;
    const links: InvitationLinkOut[] = [];
    if (fresh.length) {
      // A phone-only row's link is issued now, whatever the status (it works once the survey opens), and counts as
      // sent: it is handed over in this answer. A mailed row in a draft gets a placeholder hash: its link is
      // issued (and mailed) when the survey opens.
      const tokens = new Map<string, { token: string; invitee: Invitee }>();
      const created = await tx
        .insert(surveyInvitations)
        .values(
          fresh.map((f) => {
            const { token, hash } = newToken();
            if (!f.email) tokens.set(hash, { token, invitee: f });
            return {
              surveyId: id,
              targetId: f.targetId,
              tokenHash: hash,
              address: f.address,
              name: f.name,
              sentAt: f.email ? null : now,
            };
          }),
        )
        .returning();
      if (row.status === 'open')
        sent = await issueAndMail(
          tx,
          mail.survey,
          created
            .filter((i) => !tokens.has(i.tokenHash))
            .map((i) => ({ ...i, unit: mail.unitOfTarget.get(i.targetId) ?? '' })),
          'invite',
          now,
        );
      for (const i of created) {
        const given = tokens.get(i.tokenHash);
        if (given)
          links.push({
            row: given.invitee.row,
            unit: mail.unitOfTarget.get(i.targetId) ?? '',
            group: groupOf.get(i.targetId)!,
            name: i.name,
            phone: i.address!,
            url: invitationUrl(given.token),
          });
      }
      links.sort((a, b) => a.row - b.row);
      if (row.anonymous)
        await recordChange(c, {
          action: 'invite',
          entity: 'survey',
          entityId: id,
          after: {
            rows: invitees.length,
            created: created.length,
            alreadyInvited,
            sent,
            links: links.length,
          },
        });
      else
        for (const i of created)
          await recordChange(c, {
            action: 'invite',
            entity: 'survey_invitation',
            entityId: i.id,
            // The person's address or phone (a named survey keeps who was invited), never the link's token.
            after: {
              surveyId: id,
              targetId: i.targetId,
              name: i.name,
              address: i.address,
              sentAt: tokens.has(i.tokenHash) || row.status === 'open' ? now : null,
            },
          });
    }
    return { rows: invitees.length, created: fresh.length, alreadyInvited, sent, links };
  });
}

/**
 * A fresh link for every phone-only invitation not used yet, when the office lost the links it was given (they
 * are not stored, so they cannot be shown again): each token is replaced, so the earlier links stop working. The
 * journal keeps the count only.
 */
export async function reissueLinks(
  ctx: RequestContext,
  id: string,
  now: Date = new Date(),
): Promise<InvitationLinksOut> {
  const { row, targets } = await loadManaged(ctx, id);
  if (row.status === 'closed') throw conflict('survey.closed');
  const mail = await mailContext(ctx.db, row, targets);
  const groupOf = new Map(targets.map((t) => [t.id, t.targetGroup]));
  return ctx.db.transaction(async (tx) => {
    const unused = await tx
      .select()
      .from(surveyInvitations)
      .where(
        and(
          eq(surveyInvitations.surveyId, id),
          eq(surveyInvitations.used, false),
          isNotNull(surveyInvitations.address),
          PHONE_ADDRESS,
        ),
      );
    const listed = unused
      .map((i) => ({ ...i, unit: mail.unitOfTarget.get(i.targetId) ?? '' }))
      .sort(
        (a, b) =>
          viCollator.compare(a.unit, b.unit) ||
          viCollator.compare(a.name, b.name) ||
          a.address!.localeCompare(b.address!),
      );
    const links: InvitationLinkOut[] = [];
    for (const i of listed) {
      const { token, hash } = newToken();
      const [updated] = await tx
        .update(surveyInvitations)
        .set({ tokenHash: hash, sentAt: now })
        .where(and(eq(surveyInvitations.id, i.id), eq(surveyInvitations.used, false)))
        .returning({ id: surveyInvitations.id });
      if (!updated) continue;
      links.push({
        row: links.length + 1,
        unit: i.unit,
        group: groupOf.get(i.targetId)!,
        name: i.name,
        phone: i.address!,
        url: invitationUrl(token),
      });
    }
    if (links.length)
      await recordChange(
        { ...ctx, db: tx },
        { action: 'reissue_links', entity: 'survey', entityId: id, after: { links: links.length } },
      );
    const n = nums(links.length, 0);
    return {
      links,
      notice: links.length
        ? {
            vi: `Đã tạo ${n.vi} đường dẫn mới. Các đường dẫn đã gửi trước đây cho những người này không còn dùng được: hãy gửi lại đường dẫn mới.`,
            en: `${n.en} new link${links.length === 1 ? ' was' : 's were'} made. The links sent to these people before no longer work: send them the new ones.`,
          }
        : {
            vi: 'Không có lời mời qua điện thoại / Zalo nào chưa được dùng.',
            en: 'There is no unused phone / Zalo invitation.',
          },
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Reminders

/**
 * Reminds the unused invitations of one open survey last mailed at least `afterDays` ago (at most `maxReminders`
 * times each), each with a fresh link; journalled as a count. Returns how many were reminded.
 */
export async function remindSurvey(
  ctx: RequestContext,
  row: SurveyRow,
  targets: readonly { id: string; unitId: string }[],
  now: Date,
  rule: ReminderRule,
): Promise<number> {
  if (row.status !== 'open') return 0;
  const mail = await mailContext(ctx.db, row, targets);
  const before = new Date(now.getTime() - rule.afterDays * 86_400_000);
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(surveyInvitations)
      .where(
        and(
          eq(surveyInvitations.surveyId, row.id),
          eq(surveyInvitations.used, false),
          isNotNull(surveyInvitations.address),
          // Reminders are mails: the office re-sends a phone-only invitation's link itself.
          EMAIL_ADDRESS,
          isNotNull(surveyInvitations.sentAt),
          sql`${surveyInvitations.reminders} < ${rule.maxReminders}`,
          or(
            and(isNull(surveyInvitations.lastRemindedAt), lte(surveyInvitations.sentAt, before)),
            lte(surveyInvitations.lastRemindedAt, before),
          ),
        ),
      );
    if (!due.length) return 0;
    const reminded = await issueAndMail(
      tx,
      mail.survey,
      due.map((d) => ({ ...d, unit: mail.unitOfTarget.get(d.targetId) ?? '' })),
      'remind',
      now,
    );
    await recordChange(
      { ...ctx, db: tx },
      { action: 'remind_invitees', entity: 'survey', entityId: row.id, after: { reminded } },
    );
    return reminded;
  });
}

/** The office reminds by hand (those mailed at least `manualAfterDays` ago, within the maximum). */
export async function remindNow(
  ctx: RequestContext,
  id: string,
  now: Date = new Date(),
): Promise<{ reminded: number }> {
  const { row, targets } = await loadManaged(ctx, id);
  if (row.status !== 'open') throw conflict('survey.not_open');
  const reminded = await remindSurvey(ctx, row, targets, now, {
    afterDays: REMINDER_RULE.manualAfterDays,
    maxReminders: REMINDER_RULE.maxReminders,
  });
  return { reminded };
}

/** The open surveys whose period has not ended (for the worker's reminders). */
export async function openSurveys(db: Db, today: string): Promise<SurveyRow[]> {
  return db
    .select()
    .from(surveys)
    .where(
      and(eq(surveys.status, 'open'), or(isNull(surveys.closesOn), sql`${surveys.closesOn} >= ${today}`)),
    );
}
