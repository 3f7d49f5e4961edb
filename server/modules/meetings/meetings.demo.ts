import type { RequestContext } from '../../core/context.js';
import { findCommittee } from '../committees/committees.service.js';
import { findMeeting, insertMeetingRecord, insertNoticeRecord, membersOn } from './meetings.service.js';
import { insertSeedTasks, type ReformArea, type SeedTask } from '../plans/plans.service.js';
import { planIdFor } from '../plans/task-lookup.service.js';
import { unitsAsOf } from '../units/lineage.service.js';

/**
 * How a conclusion was followed up in the demo: not turned into a task, or a task in the year's plan in
 * a given state (done on its dates, or still open — overdue once its due date has passed).
 */
type FollowUp =
  | { task: false }
  | { task: 'verified'; reportedOn: string; verifiedOn: string; output: string }
  | { task: 'reported_done'; reportedOn: string; output: string }
  | { task: 'in_progress' | 'not_started' };

type DemoConclusion = {
  text: string;
  /** A key of the demo's unit map (departments), or 'district' for the working session's district. */
  lead: string;
  area: ReformArea;
  due: string;
  followUp: FollowUp;
};

type DemoMeeting = {
  kind: 'session' | 'working_session' | 'internal';
  number?: number;
  title: string;
  date: string;
  startTime: string;
  place: string;
  /** The chair's name as in the composition of that day. */
  chair: string;
  /** Only these members attend (a working session); default: everyone in office that day but the absentees. */
  only?: string[];
  absent?: { name: string; reason: string }[];
  guests: string[];
  agenda: string[];
  minutes: string;
  /** The district of a working session, by name. */
  district?: string;
  notice?: { numberSymbol: string; issuedOn: string };
  conclusions: DemoConclusion[];
};

const verified = (
  reportedOn: string,
  verifiedOn = reportedOn,
  output = 'Đã hoàn thành, có tài liệu kiểm chứng',
) => ({ task: 'verified', reportedOn, verifiedOn, output }) as const;

/**
 * The demo's meetings of the provincial Steering Committee, 2023–2025 (fictional content in the style of
 * real notices): the first session after Decision 1830-QĐ/TU of 6/3/2023, the 6-month reviews of 2023,
 * 2024 and 2025, the working group's internal meeting before the 2023 review, and a working session with
 * Diễn Châu district (a 2023 pilot unit).
 */
export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    kind: 'session',
    number: 1,
    title: 'Phiên họp thứ nhất Ban Chỉ đạo cải cách hành chính tỉnh',
    date: '2023-03-20',
    startTime: '08:00',
    place: 'Hội trường Tỉnh ủy Nghệ An',
    chair: 'Trần Văn Chỉ Đạo',
    absent: [{ name: 'Trịnh Thị Hà', reason: 'Đi công tác tại Hà Nội' }],
    guests: ['Đại diện Văn phòng Tỉnh ủy', 'Lãnh đạo Phòng Cải cách hành chính, Sở Nội vụ'],
    agenda: [
      'Công bố Quyết định 1830-QĐ/TU thành lập Ban Chỉ đạo',
      'Thông qua Quy chế hoạt động của Ban Chỉ đạo',
      'Triển khai Kế hoạch cải cách hành chính năm 2023',
      'Phân công thành viên theo dõi các sở, ngành, địa phương',
    ],
    minutes:
      'Phiên họp công bố quyết định thành lập Ban Chỉ đạo, thảo luận dự thảo Quy chế hoạt động và Kế hoạch CCHC năm 2023. ' +
      'Các thành viên thống nhất bốn nhóm nhiệm vụ trọng tâm: cải cách TTHC; kỷ luật, kỷ cương; chính quyền số; kiểm tra, tuyên truyền.',
    // The committee was founded by the Tỉnh ủy: a Party notice (Hướng dẫn 36-HD/VPTW: "Số 25-TB/BCĐ").
    notice: { numberSymbol: '25-TB/BCĐ', issuedOn: '2023-03-24' },
    conclusions: [
      {
        text: 'Sở Nội vụ hoàn thiện, trình Trưởng ban ký ban hành Quy chế hoạt động của Ban Chỉ đạo.',
        lead: 'noivu',
        area: 'direction',
        due: '2023-04-15',
        followUp: verified('2023-04-10'),
      },
      {
        text: 'Sở Nội vụ tham mưu phân công thành viên Ban Chỉ đạo theo dõi, đôn đốc các sở, ngành, địa phương.',
        lead: 'noivu',
        area: 'direction',
        due: '2023-04-30',
        followUp: verified('2023-04-25'),
      },
      {
        text: 'Sở Tư pháp rà soát, kiến nghị đơn giản hóa thủ tục hành chính trong lĩnh vực hộ tịch, chứng thực.',
        lead: 'tuphap',
        area: 'procedures',
        due: '2023-06-30',
        followUp: verified('2023-06-26', '2023-07-03'),
      },
      {
        text: 'Văn phòng UBND tỉnh chủ trì đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công.',
        lead: 'vpubnd',
        area: 'digital_government',
        due: '2023-09-30',
        followUp: verified('2023-10-20', '2023-10-25', 'Hoàn thành chậm: số hóa đạt 92% hồ sơ'),
      },
      {
        text: 'Các sở, ngành, UBND cấp huyện ban hành kế hoạch CCHC năm 2023 của đơn vị; Sở Nội vụ theo dõi, tổng hợp.',
        lead: 'noivu',
        area: 'direction',
        due: '2023-03-31',
        followUp: { task: false },
      },
    ],
  },
  {
    kind: 'session',
    number: 2,
    title: 'Phiên họp sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023',
    date: '2023-08-10',
    startTime: '14:00',
    place: 'Phòng họp số 1, UBND tỉnh',
    chair: 'Trần Văn Chỉ Đạo',
    guests: ['Lãnh đạo các sở, ban, ngành cấp tỉnh'],
    agenda: [
      'Báo cáo kết quả CCHC 6 tháng đầu năm 2023',
      'Kết quả Chỉ số CCHC năm 2022 của tỉnh',
      'Nhiệm vụ trọng tâm 6 tháng cuối năm',
    ],
    minutes:
      'Sở Nội vụ báo cáo kết quả 6 tháng: 31/56 nhiệm vụ hoàn thành; tỷ lệ hồ sơ trực tuyến còn thấp. ' +
      'Các thành viên thảo luận nguyên nhân và giải pháp cho các nhiệm vụ chậm tiến độ.',
    conclusions: [
      {
        text: 'Sở Nội vụ hướng dẫn xây dựng Bộ chỉ số CCHC các sở, ngành và UBND cấp huyện năm 2023.',
        lead: 'noivu',
        area: 'direction',
        due: '2023-10-31',
        followUp: verified('2023-10-16'),
      },
      {
        text: 'Sở Thông tin và Truyền thông nâng tỷ lệ dịch vụ công trực tuyến toàn trình, kết nối Cổng dịch vụ công quốc gia.',
        lead: 'tttt',
        area: 'digital_government',
        due: '2023-12-15',
        followUp: verified('2024-01-12', '2024-01-15', 'Hoàn thành chậm'),
      },
      {
        text: 'Sở Tài chính tham mưu giao quyền tự chủ tài chính cho các đơn vị sự nghiệp công lập đủ điều kiện.',
        lead: 'taichinh',
        area: 'public_finance',
        due: '2023-11-30',
        followUp: verified('2023-11-24', '2023-12-01'),
      },
      {
        text: 'Sở Xây dựng giảm tỷ lệ hồ sơ cấp phép xây dựng trễ hạn xuống dưới 2%.',
        lead: 'xaydung',
        area: 'procedures',
        due: '2023-12-31',
        followUp: verified('2023-12-22', '2024-01-05'),
      },
    ],
  },
  {
    // A committee-internal meeting: the working group prepares the 6-month review (no unit).
    kind: 'internal',
    title: 'Họp Tổ giúp việc chuẩn bị phiên họp sơ kết 6 tháng đầu năm 2023',
    date: '2023-07-28',
    startTime: '14:00',
    place: 'Phòng họp tầng 3, Sở Nội vụ',
    chair: 'Nguyễn Hữu Thắng',
    only: ['Phan Thị Minh Huệ', 'Hồ Văn Lộc', 'Trần Đình Khoa', 'Lê Thị Thường Trực'],
    guests: [],
    agenda: [
      'Rà soát dự thảo Báo cáo CCHC 6 tháng đầu năm 2023',
      'Tổng hợp tiến độ các kết luận của phiên họp thứ nhất',
    ],
    minutes:
      'Tổ giúp việc thống nhất số liệu báo cáo 6 tháng (31/56 nhiệm vụ hoàn thành) và danh sách nhiệm vụ chậm tiến độ trình Ban Chỉ đạo.',
    conclusions: [
      {
        text: 'Sở Nội vụ hoàn thiện dự thảo Báo cáo CCHC 6 tháng đầu năm 2023, gửi thành viên Ban Chỉ đạo trước phiên họp.',
        lead: 'noivu',
        area: 'direction',
        due: '2023-08-05',
        followUp: { task: false },
      },
    ],
  },
  {
    kind: 'working_session',
    title: 'Làm việc với UBND huyện Diễn Châu về kết quả chỉ đạo điểm CCHC năm 2023',
    date: '2024-03-15',
    startTime: '08:30',
    place: 'Trụ sở UBND huyện Diễn Châu',
    chair: 'Hoàng Thị Cúc',
    only: ['Hoàng Thị Cúc', 'Phạm Thị Ủy Viên', 'Lê Thị Thường Trực'],
    district: 'Diễn Châu',
    guests: ['Chủ tịch UBND huyện Diễn Châu', 'Trưởng phòng Nội vụ huyện Diễn Châu'],
    agenda: [
      'UBND huyện báo cáo kết quả thực hiện nội dung chỉ đạo điểm năm 2023',
      'Đoàn công tác kiểm tra thực tế tại Bộ phận Một cửa huyện',
    ],
    minutes:
      'Huyện hoàn thành 5/7 nội dung chỉ đạo điểm; còn chậm số hóa hồ sơ và cập nhật thủ tục trên Cổng dịch vụ công.',
    conclusions: [
      {
        text: 'UBND huyện Diễn Châu hoàn thành số hóa 100% hồ sơ, kết quả giải quyết TTHC còn hiệu lực tại Bộ phận Một cửa.',
        lead: 'district',
        area: 'digital_government',
        due: '2024-06-30',
        followUp: verified('2024-06-20', '2024-06-28'),
      },
      {
        text: 'UBND huyện Diễn Châu kiện toàn bộ phận Một cửa cấp xã, bố trí công chức đủ năng lực.',
        lead: 'district',
        area: 'apparatus',
        due: '2024-09-30',
        followUp: { task: 'in_progress' },
      },
      {
        text: 'Sở Nội vụ tổng hợp kinh nghiệm chỉ đạo điểm của huyện Diễn Châu để nhân rộng.',
        lead: 'noivu',
        area: 'direction',
        due: '2024-12-31',
        followUp: { task: false },
      },
    ],
  },
  {
    kind: 'session',
    number: 3,
    title: 'Phiên họp sơ kết công tác cải cách hành chính 6 tháng đầu năm 2024',
    date: '2024-07-25',
    startTime: '08:00',
    place: 'Hội trường UBND tỉnh',
    chair: 'Trần Văn Chỉ Đạo',
    absent: [{ name: 'Lê Văn Bình', reason: 'Dự họp tại Bộ Kế hoạch và Đầu tư' }],
    guests: ['Lãnh đạo các sở, ban, ngành', 'Chủ tịch UBND các huyện, thành phố, thị xã'],
    agenda: [
      'Báo cáo kết quả CCHC 6 tháng đầu năm 2024',
      'Kết quả Chỉ số CCHC, SIPAS năm 2023',
      'Giải pháp cải thiện các chỉ số thành phần giảm điểm',
    ],
    minutes:
      'Chỉ số CCHC năm 2023 của tỉnh tăng 5 bậc; các chỉ số thành phần về cải cách chế độ công vụ và tài chính công còn thấp. ' +
      'Ban Chỉ đạo yêu cầu các đơn vị khắc phục ngay các tồn tại đã được chỉ ra.',
    conclusions: [
      {
        text: 'Sở Nội vụ xây dựng kế hoạch khắc phục các tiêu chí giảm điểm trong Chỉ số CCHC năm 2023.',
        lead: 'noivu',
        area: 'direction',
        due: '2024-08-31',
        followUp: verified('2024-08-26', '2024-09-03'),
      },
      {
        text: 'Sở Y tế giảm tình trạng hồ sơ trễ hạn trong cấp chứng chỉ hành nghề khám bệnh, chữa bệnh.',
        lead: 'yte',
        area: 'procedures',
        due: '2024-10-31',
        followUp: { task: 'in_progress' },
      },
      {
        text: 'Sở Giáo dục và Đào tạo triển khai tuyển sinh đầu cấp trực tuyến toàn tỉnh.',
        lead: 'gddt',
        area: 'digital_government',
        due: '2024-09-15',
        followUp: verified('2024-09-10', '2024-09-20'),
      },
      {
        text: 'Sở Tư pháp kiểm tra việc thi hành pháp luật về xử lý vi phạm hành chính tại 5 đơn vị.',
        lead: 'tuphap',
        area: 'institutions',
        due: '2024-11-30',
        followUp: {
          task: 'reported_done',
          reportedOn: '2024-11-28',
          output: 'Đã kiểm tra 5 đơn vị, có báo cáo',
        },
      },
    ],
  },
  {
    kind: 'session',
    number: 4,
    title: 'Phiên họp sơ kết công tác cải cách hành chính 6 tháng đầu năm 2025',
    date: '2025-07-18',
    startTime: '14:00',
    place: 'Hội trường UBND tỉnh',
    chair: 'Trần Văn Chỉ Đạo',
    guests: ['Lãnh đạo các sở, ban, ngành sau sắp xếp', 'Chủ tịch UBND một số xã, phường'],
    agenda: [
      'Kết quả CCHC 6 tháng đầu năm 2025',
      'Vận hành chính quyền địa phương hai cấp từ 01/7/2025',
      'Nhiệm vụ 6 tháng cuối năm',
    ],
    minutes:
      'Sau sắp xếp, bộ máy cấp tỉnh còn các sở theo Nghị định 45/2025/NĐ-CP; chính quyền địa phương hai cấp vận hành từ 01/7/2025. ' +
      'Ban Chỉ đạo tập trung chỉ đạo bảo đảm giải quyết TTHC thông suốt tại cấp xã.',
    conclusions: [
      {
        text: 'Sở Nội vụ hướng dẫn UBND cấp xã kiện toàn Bộ phận Một cửa sau sắp xếp đơn vị hành chính.',
        lead: 'noivu',
        area: 'apparatus',
        due: '2025-08-31',
        followUp: verified('2025-08-25', '2025-08-29'),
      },
      {
        text: 'Sở Khoa học và Công nghệ bảo đảm hạ tầng, nền tảng số cho 130 xã, phường vận hành dịch vụ công trực tuyến.',
        lead: 'khcn',
        area: 'digital_government',
        due: '2025-09-30',
        followUp: { task: 'in_progress' },
      },
      {
        text: 'Sở Tài chính hướng dẫn quản lý tài chính, tài sản công khi sắp xếp đơn vị hành chính cấp xã.',
        lead: 'taichinh',
        area: 'public_finance',
        due: '2025-12-31',
        followUp: { task: 'not_started' },
      },
      {
        text: 'Văn phòng UBND tỉnh theo dõi tỷ lệ hồ sơ trực tuyến của cấp xã, báo cáo Ban Chỉ đạo hằng tháng.',
        lead: 'vpubnd',
        area: 'direction',
        due: '2025-12-31',
        followUp: { task: false },
      },
    ],
  },
];

/**
 * Seeds the demo meetings of the provincial committee, in the seed's transaction, after the committees
 * and the plans: each meeting (once, looked up by date and title) with its attendance as of its date, its
 * conclusions, their tasks in that year's committee plan (source 'conclusion') and, for the first
 * session, the conclusion notice in the register. Returns whether anything was created.
 */
export async function seedDemoMeetings(
  t: RequestContext,
  provinceId: string,
  unitIds: ReadonlyMap<string, string>,
): Promise<boolean> {
  const committee = await findCommittee(t, provinceId, 'province');
  if (!committee) return false;
  let created = false;
  for (const m of DEMO_MEETINGS) {
    if (await findMeeting(t, committee.id, m.date, m.title)) continue;
    const members = await membersOn(t, committee.id, m.date);
    const idOf = (name: string) => {
      const found = members.find((x) => x.name === name);
      if (!found) throw new Error(`demo meeting ${m.date}: ${name} is not a member that day`);
      return found.id;
    };
    const district = m.district
      ? (await unitsAsOf(t.db, { date: m.date, kind: 'district', withinId: provinceId })).find(
          (u) => u.name === m.district || u.fullName.endsWith(m.district!),
        )
      : undefined;
    const unitOf = (key: string) => (key === 'district' ? district?.id : unitIds.get(key)) ?? null;
    const chairId = idOf(m.chair);
    const absent = new Set((m.absent ?? []).map((a) => idOf(a.name)));
    const attendees = (m.only ? m.only.map(idOf) : members.map((x) => x.id)).filter(
      (id) => id !== chairId && !absent.has(id),
    );
    const { meeting, conclusionIds } = await insertMeetingRecord(t, committee.id, {
      kind: m.kind,
      number: m.number ?? null,
      unitId: district?.id ?? null,
      title: m.title,
      date: m.date,
      startTime: m.startTime,
      place: m.place,
      chairMembershipId: chairId,
      attendeeMembershipIds: attendees,
      absentees: (m.absent ?? []).map((a) => ({ membershipId: idOf(a.name), reason: a.reason })),
      guests: m.guests,
      agenda: m.agenda,
      minutes: m.minutes,
      status: 'held',
      conclusions: m.conclusions.map((c) => ({
        text: c.text,
        leadUnitId: unitOf(c.lead),
        dueDate: c.due,
        reformArea: c.area,
      })),
    });
    created = true;

    const planId = await planIdFor(t, provinceId, Number(m.date.slice(0, 4)));
    const tasks: (SeedTask & { source: 'conclusion'; sourceRef: string })[] = [];
    m.conclusions.forEach((c, i) => {
      const leadUnitId = unitOf(c.lead);
      if (!c.followUp.task || !leadUnitId) return;
      const f = c.followUp;
      tasks.push({
        title: c.text,
        description: `Kết luận số ${i + 1} tại ${m.title} ngày ${m.date.split('-').reverse().join('/')}.`,
        reformArea: c.area,
        leadUnitId,
        startDate: m.date,
        dueDate: c.due,
        expectedOutput: 'Báo cáo kết quả thực hiện kết luận kèm tài liệu kiểm chứng',
        source: 'conclusion',
        sourceRef: conclusionIds[i]!,
        status: f.task,
        reportedOn: f.task === 'verified' || f.task === 'reported_done' ? f.reportedOn : null,
        verifiedOn: f.task === 'verified' ? f.verifiedOn : null,
        output: f.task === 'verified' || f.task === 'reported_done' ? f.output : null,
      });
    });
    if (planId) await insertSeedTasks(t, planId, tasks);
    if (m.notice) await insertNoticeRecord(t, meeting.id, m.notice);
  }
  return created;
}
