/**
 * The demo province's hotline (Nghệ An, November–December 2026): the routing table, and cases at every step so
 * each role finds work — two to triage, answers owed by Sở Xây dựng (one due soon) and a ward (overdue), one
 * awaiting the office's review, answers published (rated satisfied and not), one not accepted, one forwarded,
 * a duplicate merged, and a case about an official's conduct proposed for a surprise inspection.
 */
import { eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { appendEvents } from '../work/work.service.js';
import { getUnits, listUnits, unitDisplayName } from '../units/units.service.js';
import { recordChange } from '../audit/audit.service.js';
import { feedbackCases, feedbackEscalations } from './hotline.table.js';
import { createCase } from './intake.service.js';
import { publishedText, type CaseRow } from './feedback.work-kind.js';
import { addRoute, listCategories, ruleVersionsByIds } from './settings.service.js';
import { answerDueDate } from './rules/sla.js';
import { loadCalendar } from '../calendar/calendar.service.js';

type Step =
  | { kind: 'triage'; on: string; to: string | 'not_accepted' | 'forwarded'; note?: string; due?: string }
  | { kind: 'answer'; on: string; text: string }
  | { kind: 'return'; on: string; reason: string }
  | { kind: 'approve'; on: string }
  | { kind: 'rate'; on: string; satisfied: boolean }
  | { kind: 'merge'; on: string; into: string };

type DemoCase = {
  ref: string;
  channel: 'web' | 'phone' | 'email' | 'letter' | 'visit' | 'national_portal';
  at: string;
  category: string;
  subject: string | null;
  place: string;
  title: string;
  description: string;
  name: string;
  phone: string;
  email: string;
  anonymous?: boolean;
  classification?: 'behaviour' | 'within_authority';
  steps: Step[];
  escalate?: string;
  /** The day the hotline officer proposed the inspection (after the case's last step). */
  escalatedOn?: string;
};

const CASES: DemoCase[] = [
  {
    ref: 'ngap',
    channel: 'web',
    at: '2026-12-03T20:15:00+07:00',
    category: 'dich_vu_cong',
    subject: 'Phường Vinh Hưng',
    place: 'Bộ phận một cửa phường Vinh Hưng',
    title: 'Nộp hồ sơ trực tuyến nhưng vẫn bị yêu cầu nộp bản giấy',
    description:
      'Tôi đã nộp hồ sơ đăng ký khai sinh trên Cổng dịch vụ công ngày 28/11/2026, nhưng khi đến nhận kết quả cán bộ một cửa yêu cầu nộp lại toàn bộ bản giấy có chứng thực. Đề nghị làm rõ quy định.',
    name: 'Nguyễn Thị Hoa',
    phone: '0912 345 678',
    email: 'hoa.nguyen@example.vn',
    steps: [],
  },
  {
    ref: 'dien',
    channel: 'phone',
    at: '2026-12-04T09:40:00+07:00',
    category: 'dat_dai',
    subject: 'Xã Diễn Châu',
    place: 'Xóm 5, xã Diễn Châu',
    title: 'Hồ sơ cấp giấy chứng nhận quyền sử dụng đất quá hạn 2 tháng',
    description:
      'Người dân gọi đường dây nóng: hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu nộp từ tháng 9/2026 tại xã Diễn Châu, phiếu hẹn ngày 15/10/2026 nhưng đến nay chưa có kết quả, không được thông báo lý do.',
    name: 'Trần Văn Bình',
    phone: '0987 654 321',
    email: '',
    steps: [],
  },
  {
    ref: 'gpxd',
    channel: 'web',
    at: '2026-11-24T10:05:00+07:00',
    category: 'xay_dung',
    subject: 'Phường Trường Vinh',
    place: 'Đường Lê Lợi, phường Trường Vinh',
    title: 'Giấy phép xây dựng nhà ở riêng lẻ chậm so với phiếu hẹn',
    description:
      'Tôi nộp hồ sơ xin giấy phép xây dựng nhà ở riêng lẻ ngày 03/11/2026, hẹn trả ngày 17/11/2026. Đến nay chưa nhận được giấy phép, cũng không có văn bản nêu lý do chậm.',
    name: 'Lê Minh Tuấn',
    phone: '0905 111 222',
    email: 'tuan.le@example.vn',
    classification: 'within_authority',
    steps: [{ kind: 'triage', on: '2026-11-25', to: 'xaydung' }],
  },
  {
    ref: 'rac',
    channel: 'letter',
    at: '2026-11-02T14:00:00+07:00',
    category: 'moi_truong',
    subject: 'Phường Vinh Phú',
    place: 'Khối 3, phường Vinh Phú',
    title: 'Điểm tập kết rác thải gây ô nhiễm kéo dài',
    description:
      'Đơn của tổ dân phố: điểm tập kết rác cạnh trường tiểu học không được thu gom hằng ngày, gây mùi hôi, đề nghị phường có phương án di dời.',
    name: 'Tổ dân phố khối 3',
    phone: '',
    email: '',
    classification: 'within_authority',
    steps: [{ kind: 'triage', on: '2026-11-03', to: 'Phường Vinh Phú' }],
  },
  {
    ref: 'khaisinh',
    channel: 'email',
    at: '2026-11-18T08:30:00+07:00',
    category: 'ho_tich',
    subject: 'Sở Tư pháp',
    place: '',
    title: 'Hướng dẫn trích lục khai sinh bản sao cho người ở xa',
    description:
      'Tôi đang làm việc ở Hà Nội, cần trích lục bản sao giấy khai sinh đăng ký tại Nghệ An. Xin hướng dẫn có làm được trực tuyến không, lệ phí bao nhiêu.',
    name: 'Phạm Thu Trang',
    phone: '0934 555 666',
    email: 'trang.pham@example.vn',
    classification: 'within_authority',
    steps: [
      { kind: 'triage', on: '2026-11-19', to: 'tuphap' },
      {
        kind: 'answer',
        on: '2026-12-01',
        text: 'Bà Phạm Thu Trang có thể đề nghị cấp bản sao trích lục khai sinh trực tuyến trên Cổng Dịch vụ công quốc gia (thủ tục “Cấp bản sao trích lục hộ tịch”), nhận kết quả qua bưu chính; lệ phí 8.000 đồng/bản theo Thông tư 281/2016/TT-BTC.',
      },
    ],
  },
  {
    ref: 'dkkd',
    channel: 'web',
    at: '2026-10-20T15:10:00+07:00',
    category: 'dau_tu_kinh_doanh',
    subject: 'Sở Tài chính',
    place: '',
    title: 'Đăng ký thay đổi nội dung doanh nghiệp bị trả hồ sơ nhiều lần',
    description:
      'Hồ sơ thay đổi người đại diện theo pháp luật của công ty bị trả 3 lần, mỗi lần yêu cầu bổ sung một nội dung khác nhau. Đề nghị hướng dẫn một lần đầy đủ.',
    name: 'Võ Quốc Huy',
    phone: '0911 888 999',
    email: 'huy.vo@example.vn',
    classification: 'within_authority',
    steps: [
      { kind: 'triage', on: '2026-10-21', to: 'taichinh' },
      {
        kind: 'answer',
        on: '2026-10-30',
        text: 'Sở Tài chính đã rà soát: hồ sơ của công ty thiếu nghị quyết của hội đồng thành viên. Phòng Đăng ký kinh doanh đã liên hệ ông Võ Quốc Huy qua số 0911 888 999 để hướng dẫn một lần; hồ sơ được chấp thuận ngày 29/10/2026. Sở đã nhắc nhở chuyên viên về việc hướng dẫn một lần, đầy đủ.',
      },
      {
        kind: 'return',
        on: '2026-10-31',
        reason:
          'Đề nghị nêu rõ căn cứ (Nghị định 168/2025/NĐ-CP) và bỏ số điện thoại của người dân khỏi nội dung trả lời.',
      },
      {
        kind: 'answer',
        on: '2026-11-03',
        text: 'Theo Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp, hồ sơ thay đổi người đại diện theo pháp luật cần có nghị quyết của hội đồng thành viên. Phòng Đăng ký kinh doanh đã hướng dẫn một lần, đầy đủ; hồ sơ được chấp thuận ngày 29/10/2026. Sở đã nhắc nhở chuyên viên về việc hướng dẫn một lần.',
      },
      { kind: 'approve', on: '2026-11-03' },
      { kind: 'rate', on: '2026-11-06', satisfied: true },
    ],
  },
  {
    ref: 'thue',
    channel: 'national_portal',
    at: '2026-10-05T09:00:00+07:00',
    category: 'xay_dung',
    subject: 'Phường Thành Vinh',
    place: 'Phường Thành Vinh',
    title: 'Chưa được giải thích việc từ chối cấp phép sửa chữa nhà',
    description:
      'Hồ sơ cấp phép sửa chữa, cải tạo nhà ở bị từ chối nhưng văn bản trả lời không nêu căn cứ quy hoạch cụ thể.',
    name: 'Hoàng Văn Nam',
    phone: '0977 123 123',
    email: 'nam.hoang@example.vn',
    classification: 'within_authority',
    steps: [
      { kind: 'triage', on: '2026-10-06', to: 'xaydung' },
      {
        kind: 'answer',
        on: '2026-10-27',
        text: 'Sở Xây dựng trả lời: khu đất thuộc quy hoạch mở rộng đường theo Quyết định phê duyệt quy hoạch phân khu; việc sửa chữa chỉ được cấp phép có thời hạn. Ông có thể đề nghị cấp giấy phép xây dựng có thời hạn tại Bộ phận một cửa.',
      },
      { kind: 'approve', on: '2026-10-28' },
      { kind: 'rate', on: '2026-11-02', satisfied: false },
    ],
  },
  {
    ref: 'khieunai',
    channel: 'visit',
    at: '2026-11-12T10:00:00+07:00',
    category: 'khac',
    subject: null,
    place: '',
    title: 'Khiếu nại quyết định thu hồi đất',
    description: 'Công dân đến trình bày khiếu nại quyết định thu hồi đất năm 2024 của UBND huyện cũ.',
    name: 'Nguyễn Văn Khải',
    phone: '0966 000 111',
    email: '',
    steps: [
      {
        kind: 'triage',
        on: '2026-11-13',
        to: 'not_accepted',
        note: 'Nội dung là khiếu nại quyết định hành chính, được giải quyết theo Luật Khiếu nại 2011, không thuộc phạm vi phản ánh, kiến nghị theo Nghị định 20/2008/NĐ-CP. Đề nghị công dân gửi đơn đến UBND xã nơi có đất hoặc Ban Tiếp công dân tỉnh.',
      },
    ],
  },
  {
    ref: 'bhxh',
    channel: 'web',
    at: '2026-11-20T16:45:00+07:00',
    category: 'lao_dong_xa_hoi',
    subject: null,
    place: '',
    title: 'Chậm giải quyết chế độ thai sản',
    description:
      'Hồ sơ hưởng chế độ thai sản nộp tại cơ quan bảo hiểm xã hội đã quá 10 ngày chưa được giải quyết.',
    name: 'Đặng Thị Mai',
    phone: '0944 222 333',
    email: 'mai.dang@example.vn',
    steps: [
      {
        kind: 'triage',
        on: '2026-11-23',
        to: 'forwarded',
        note: 'Bảo hiểm xã hội tỉnh Nghệ An (cơ quan ngành dọc, không thuộc thẩm quyền của UBND tỉnh)',
      },
    ],
  },
  {
    ref: 'gpxd2',
    channel: 'phone',
    at: '2026-11-26T14:20:00+07:00',
    category: 'xay_dung',
    subject: 'Phường Trường Vinh',
    place: 'Đường Lê Lợi, phường Trường Vinh',
    title: 'Hỏi về giấy phép xây dựng nhà ở đường Lê Lợi bị chậm',
    description:
      'Người dân gọi hỏi lại việc giấy phép xây dựng nhà ở riêng lẻ trên đường Lê Lợi chậm so với phiếu hẹn, đã phản ánh qua cổng ngày 24/11.',
    name: 'Lê Minh Tuấn',
    phone: '0905 111 222',
    email: '',
    steps: [{ kind: 'merge', on: '2026-11-26', into: 'gpxd' }],
  },
  {
    ref: 'thaido',
    channel: 'web',
    at: '2026-11-27T11:00:00+07:00',
    category: 'thai_do_can_bo',
    subject: 'Xã Con Cuông',
    place: 'Bộ phận một cửa xã Con Cuông',
    title: 'Cán bộ một cửa yêu cầu giấy tờ ngoài quy định',
    description:
      'Khi làm thủ tục chứng thực, cán bộ yêu cầu nộp thêm giấy xác nhận cư trú và gợi ý “bồi dưỡng” để làm nhanh. Nhiều người trong xóm cũng gặp tình trạng này.',
    name: 'Lữ Văn Sơn',
    phone: '0388 777 888',
    email: '',
    anonymous: true,
    classification: 'behaviour',
    steps: [{ kind: 'triage', on: '2026-11-30', to: 'Xã Con Cuông' }],
    escalate:
      'Phản ánh về nhũng nhiễu tại bộ phận một cửa, nhiều người cùng gặp: đề xuất kiểm tra đột xuất công tác cải cách hành chính tại xã Con Cuông.',
    escalatedOn: '2026-12-01',
  },
  {
    ref: 'vinhphu',
    channel: 'phone',
    at: '2026-12-01T15:20:00+07:00',
    category: 'dat_dai',
    subject: 'Phường Vinh Phú',
    place: 'Bộ phận một cửa phường Vinh Phú',
    title: 'Hồ sơ đăng ký biến động đất đai trễ hẹn, phải đi lại nhiều lần',
    description:
      'Người dân gọi đường dây nóng: hồ sơ đăng ký biến động đất đai nộp ngày 06/10/2026 tại phường Vinh Phú đã trễ hẹn hai lần, mỗi lần đến hỏi lại được yêu cầu bổ sung một giấy tờ khác. Ông cho biết nhiều hộ trong khối cũng gặp tình trạng tương tự.',
    name: 'Hồ Văn Lâm',
    phone: '0973 222 444',
    email: '',
    classification: 'within_authority',
    steps: [{ kind: 'triage', on: '2026-12-02', to: 'Phường Vinh Phú' }],
    escalate:
      'Nhiều hộ phản ánh hồ sơ đất đai trễ hẹn và bị yêu cầu bổ sung nhiều lần tại phường Vinh Phú: đề xuất kiểm tra đột xuất việc giải quyết thủ tục hành chính.',
    escalatedOn: '2026-12-03',
  },
];

/** Departments named as the subject of a case, by their demo keys. */
const SUBJECT_KEYS: Record<string, string> = { 'Sở Tư pháp': 'tuphap', 'Sở Tài chính': 'taichinh' };

/** The routing table of the demo: category → the department that handles it anywhere in the province. */
const ROUTES: [string, string][] = [
  ['dat_dai', 'nnmt'],
  ['moi_truong', 'nnmt'],
  ['xay_dung', 'xaydung'],
  ['giao_thong', 'xaydung'],
  ['ho_tich', 'tuphap'],
  ['dau_tu_kinh_doanh', 'taichinh'],
  ['thue_phi', 'taichinh'],
  ['dich_vu_cong', 'vpubnd'],
  ['thai_do_can_bo', 'noivu'],
  ['lao_dong_xa_hoi', 'noivu'],
  ['y_te_giao_duc', 'yte'],
];

export async function seedDemoHotline(
  ctx: RequestContext,
  provinceId: string,
  unitIds: ReadonlyMap<string, string>,
): Promise<boolean> {
  const [any] = await ctx.db.select({ id: feedbackCases.id }).from(feedbackCases).limit(1);
  if (any) return false;
  const categories = new Map((await listCategories(ctx, { activeOnly: false })).map((c) => [c.key, c.id]));
  for (const [category, unit] of ROUTES)
    if (categories.get(category) && unitIds.get(unit))
      await addRoute(ctx, {
        categoryId: categories.get(category)!,
        areaUnitId: null,
        handlingUnitId: unitIds.get(unit)!,
      });

  // A department by its demo key, else a commune or ward by its name (as of November 2026).
  const found = new Map<string, string | null>();
  const byName = async (name: string | null): Promise<string | null> => {
    if (!name) return null;
    if (unitIds.has(name)) return unitIds.get(name)!;
    if (!found.has(name)) {
      const hit = (
        await listUnits(ctx.db, { q: name, asOf: '2026-11-01', parentId: provinceId, limit: 5 })
      ).find((u) => u.fullName === name || u.name === name || unitDisplayName(u) === name);
      found.set(name, hit?.id ?? null);
    }
    return found.get(name)!;
  };

  const ids = new Map<string, string>();
  for (const c of CASES) {
    const subjectUnitId = c.subject ? await byName(SUBJECT_KEYS[c.subject] ?? c.subject) : null;
    const created = await createCase(ctx, {
      channel: c.channel,
      receivedAt: new Date(c.at),
      categoryId: categories.get(c.category) ?? null,
      subjectUnitId,
      place: c.place,
      title: c.title,
      description: c.description,
      name: c.name,
      phone: c.phone,
      email: c.email,
      anonymous: c.anonymous ?? false,
      follow: !!c.email,
    });
    ids.set(c.ref, created.id);
    for (const s of c.steps) await applyStep(ctx, created.id, c, s, ids, byName);
    if (c.escalate) {
      const on = c.escalatedOn ?? '2026-12-01';
      const at = new Date(`${on}T09:30:00+07:00`);
      const [row] = await ctx.db.select().from(feedbackCases).where(eq(feedbackCases.id, created.id));
      const [e] = await ctx.db
        .insert(feedbackEscalations)
        .values({
          caseId: created.id,
          kind: 'inspection',
          reason: c.escalate,
          unitId: row!.handlingUnitId,
          createdAt: at,
        })
        .returning();
      await appendEvents(ctx.db, [
        {
          kind: 'feedback_case',
          itemId: created.id,
          action: 'escalate',
          fromStatus: row!.status,
          toStatus: row!.status,
          note: c.escalate,
          on,
          at,
          actorId: null,
        },
      ]);
      await recordChange(ctx, {
        action: 'escalate',
        entity: 'feedback_escalation',
        entityId: e!.id,
        after: e,
      });
    }
  }
  return true;
}

async function applyStep(
  ctx: RequestContext,
  id: string,
  c: DemoCase,
  s: Step,
  ids: ReadonlyMap<string, string>,
  byName: (name: string | null) => Promise<string | null>,
) {
  const [row] = (await ctx.db.select().from(feedbackCases).where(eq(feedbackCases.id, id))) as CaseRow[];
  let patch: Partial<typeof feedbackCases.$inferInsert> = {};
  let to = row!.status;
  let action: string = s.kind;
  let note: string | null = null;
  switch (s.kind) {
    case 'triage':
      if (s.to === 'not_accepted') {
        to = 'not_accepted';
        patch = { classification: 'not_accepted', triageNote: s.note!, closedOn: s.on };
        note = s.note!;
      } else if (s.to === 'forwarded') {
        to = 'forwarded';
        patch = { classification: 'outside_authority', forwardedTo: s.note!, closedOn: s.on };
        note = s.note!;
      } else {
        to = 'assigned';
        const unitId = await byName(s.to);
        // The answer deadline: the rules' working days from receipt (10, or 15 about an official's conduct).
        const rules = (await ruleVersionsByIds(ctx.db, [row!.ruleVersionId!])).get(row!.ruleVersionId!)!;
        const due = answerDueDate(
          {
            receivedOn: row!.receivedOn,
            classification: c.classification ?? 'within_authority',
            category: c.category,
            extensions: [],
          },
          rules,
          await loadCalendar(ctx.db),
        );
        patch = {
          classification: c.classification ?? 'within_authority',
          handlingUnitId: unitId,
          dueDate: due,
        };
        const [u] = await getUnits(ctx.db, [unitId ?? '']);
        note = u ? unitDisplayName(u) : null;
      }
      break;
    case 'answer':
      action = 'submit_answer';
      to = 'answered';
      patch = { answerDraft: s.text };
      note = s.text;
      break;
    case 'return':
      to = 'assigned';
      patch = { triageNote: s.reason };
      note = s.reason;
      break;
    case 'approve':
      to = 'published';
      patch = {
        publishedAnswer: publishedText(row!, row!.answerDraft),
        publishedDescription: publishedText(row!, row!.description),
        publishedOn: s.on,
        closedOn: s.on,
      };
      break;
    case 'rate':
      patch = {
        satisfaction: s.satisfied ? 'satisfied' : 'not_satisfied',
        ratedAt: new Date(`${s.on}T09:00:00+07:00`),
      };
      note = s.satisfied ? 'Hài lòng' : 'Chưa hài lòng';
      break;
    case 'merge': {
      const into = ids.get(s.into)!;
      const [target] = await ctx.db
        .select({ code: feedbackCases.code })
        .from(feedbackCases)
        .where(eq(feedbackCases.id, into));
      to = 'merged';
      patch = { duplicateOfId: into, closedOn: s.on };
      note = target!.code;
      break;
    }
  }
  const [updated] = await ctx.db
    .update(feedbackCases)
    .set({ ...patch, status: to, version: sql`${feedbackCases.version} + 1`, updatedAt: new Date() })
    .where(eq(feedbackCases.id, id))
    .returning();
  await appendEvents(ctx.db, [
    {
      kind: 'feedback_case',
      itemId: id,
      action,
      fromStatus: row!.status,
      toStatus: to,
      note,
      on: s.on,
      recordedOn: s.on,
      at: new Date(`${s.on}T10:00:00+07:00`),
      actorId: null,
    },
  ]);
  await recordChange(ctx, {
    action: action as 'triage',
    entity: 'feedback_case',
    entityId: id,
    before: row,
    after: updated,
  });
}
