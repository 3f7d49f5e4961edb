import { addDays } from '../calendar/index.js';
import type { RequestContext } from '../../core/context.js';
import { todayInVietnam } from '../../core/dates.js';
import {
  insertPlanWithTasks,
  planExists,
  REFORM_AREAS,
  unitsWithPlans,
  type ReformArea,
  type SeedTask,
} from './plans.service.js';
import { unitsAsOf } from '../units/lineage.service.js';

/** Deterministic pseudo-random numbers (mulberry32), so every demo install has the same plans. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES: Record<ReformArea, string[]> = {
  direction: [
    'Ban hành kế hoạch CCHC năm của đơn vị',
    'Tự kiểm tra công tác CCHC tại các đơn vị trực thuộc',
    'Tuyên truyền CCHC trên cổng thông tin',
    'Báo cáo CCHC định kỳ quý, 6 tháng, năm',
  ],
  institutions: [
    'Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực quản lý',
    'Xây dựng quy chế phối hợp liên ngành',
    'Kiểm tra việc thi hành pháp luật',
  ],
  procedures: [
    'Rà soát, đơn giản hóa thủ tục hành chính',
    'Công bố, công khai thủ tục hành chính đúng hạn',
    'Số hóa hồ sơ, kết quả giải quyết TTHC',
    'Giảm tỷ lệ hồ sơ trễ hạn',
  ],
  apparatus: [
    'Sắp xếp, kiện toàn các phòng chuyên môn',
    'Rà soát chức năng, nhiệm vụ sau hợp nhất',
    'Xây dựng đề án vị trí việc làm',
  ],
  civil_service: [
    'Đánh giá, xếp loại công chức theo kết quả công việc',
    'Bồi dưỡng kỹ năng số cho công chức',
    'Kiểm tra kỷ luật, kỷ cương hành chính',
  ],
  public_finance: [
    'Giao quyền tự chủ tài chính cho đơn vị sự nghiệp',
    'Công khai ngân sách theo quy định',
    'Thực hành tiết kiệm, chống lãng phí',
  ],
  digital_government: [
    'Tăng tỷ lệ hồ sơ trực tuyến toàn trình',
    'Kết nối, chia sẻ dữ liệu với Cổng dịch vụ công',
    'Triển khai chữ ký số cho lãnh đạo',
    'Vận hành hệ thống quản lý văn bản điều hành',
  ],
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A task of the year under way, as it stands on `today`: what was due before today is mostly verified (on time,
 * or late), some reported and awaiting verification, a few returned or still open (overdue); what is due later
 * is under way, a few reported early. No step is dated after today.
 */
export function currentYearTask(
  base: SeedTask,
  due: string,
  today: string,
  r: number,
  early: string,
): SeedTask {
  const atMost = (d: string) => (d < today ? d : addDays(today, -1));
  if (due < today) {
    const late = atMost(addDays(due, 12));
    if (r < 0.64)
      return {
        ...base,
        status: 'verified',
        reportedOn: atMost(early),
        verifiedOn: atMost(early),
        output: 'Đã hoàn thành',
      };
    if (r < 0.78)
      return { ...base, status: 'verified', reportedOn: late, verifiedOn: late, output: 'Hoàn thành chậm' };
    if (r < 0.85)
      return {
        ...base,
        status: 'reported_done',
        reportedOn: atMost(addDays(due, -2)),
        output: 'Đã báo cáo, chờ xác nhận',
      };
    if (r < 0.91)
      return {
        ...base,
        status: 'returned',
        reportedOn: atMost(addDays(due, -3)),
        output: 'Báo cáo lần 1',
        lastReason: 'Thiếu tài liệu kiểm chứng',
      };
    return { ...base, status: 'in_progress' };
  }
  if (r < 0.2 && early < today)
    return { ...base, status: 'reported_done', reportedOn: early, output: 'Đã hoàn thành, gửi báo cáo sớm' };
  return { ...base, status: r < 0.85 ? 'in_progress' : 'not_started' };
}

/**
 * The demo's plans of the Steering Committee, 2023 to the year under way: 50–75 tasks a year across the seven
 * reform areas, led by the departments in force that year. The past years' are mostly verified (on time or late),
 * some overdue, some returned and re-reported, some still reported awaiting verification; the year under way
 * (2026, the demo's "now") stands as it would on the day the demo is made (`currentYearTask`).
 */
export async function seedDemoPlans(
  ctx: RequestContext,
  provinceId: string,
  documentId: string | null,
  today = todayInVietnam(),
): Promise<void> {
  for (const [year, count] of [
    [2023, 56],
    [2024, 68],
    [2025, 72],
    [2026, 64],
  ] as const) {
    if (year > Number(today.slice(0, 4))) continue;
    if (await planExists(ctx, provinceId, year)) continue;
    const random = rng(year);
    const departments = (await unitsAsOf(ctx.db, { date: `${year}-12-31`, parentId: provinceId })).filter(
      (u) => u.kind === 'department',
    );
    const tasks: SeedTask[] = [];
    for (let i = 0; i < count; i++) {
      const area = REFORM_AREAS[i % REFORM_AREAS.length]!;
      const titles = TITLES[area];
      const lead = departments[Math.floor(random() * departments.length)]!;
      const month = 3 + Math.floor(random() * 10);
      const due = `${year}-${pad(month)}-${pad(month === 12 ? 15 : 28)}`;
      const r = random();
      const early = `${year}-${pad(month)}-${pad(10 + Math.floor(random() * 10))}`;
      const lateBy = `${year + (month === 12 ? 1 : 0)}-${pad(month === 12 ? 1 : month + 1)}-${pad(5 + Math.floor(random() * 10))}`;
      const base: SeedTask = {
        title: `${titles[i % titles.length]} (${lead.name})`,
        reformArea: area,
        leadUnitId: lead.id,
        dueDate: due,
        startDate: `${year}-01-15`,
        expectedOutput: 'Báo cáo kết quả kèm tài liệu kiểm chứng',
        focus: i % 9 === 0,
        status: 'not_started',
      };
      if (year === 2026) {
        tasks.push(currentYearTask(base, due, today, r, early));
        continue;
      }
      if (year < 2025 || month < 10) {
        if (r < 0.62)
          tasks.push({
            ...base,
            status: 'verified',
            reportedOn: early,
            verifiedOn: early,
            output: 'Đã hoàn thành',
          });
        else if (r < 0.78)
          tasks.push({
            ...base,
            status: 'verified',
            reportedOn: lateBy,
            verifiedOn: lateBy,
            output: 'Hoàn thành chậm',
          });
        else if (r < 0.86)
          tasks.push({
            ...base,
            status: 'returned',
            reportedOn: early,
            output: 'Báo cáo lần 1',
            lastReason: 'Thiếu tài liệu kiểm chứng',
          });
        else if (r < 0.93)
          tasks.push({ ...base, status: 'reported_done', reportedOn: lateBy, output: 'Đã báo cáo' });
        else tasks.push({ ...base, status: 'in_progress' });
      } else {
        tasks.push({
          ...base,
          status: r < 0.3 ? 'verified' : r < 0.5 ? 'reported_done' : 'in_progress',
          reportedOn: r < 0.5 ? early : null,
          verifiedOn: r < 0.3 ? early : null,
        });
      }
    }
    await insertPlanWithTasks(
      ctx,
      {
        year,
        ownerUnitId: provinceId,
        ownerKind: 'committee',
        title: `Kế hoạch công tác CCHC năm ${year} của Ban Chỉ đạo CCHC tỉnh`,
        documentId: year === 2023 ? documentId : null,
        method: 'count',
        focusAreas: [
          'Cải cách TTHC',
          'Kỷ luật, kỷ cương; chất lượng đội ngũ',
          'Chính quyền điện tử, chính quyền số',
          'Kiểm tra, giám sát và tuyên truyền',
        ],
      },
      tasks,
    );
  }
}

/**
 * Each department and locality's own yearly PAR plan: all of them in 2023 and 2024 (as Hà Tĩnh reports
 * 100%), most of the new communes in their first half-year 2025, about two thirds so far in 2026.
 */
export async function seedUnitPlans(ctx: RequestContext, provinceId: string): Promise<void> {
  for (const [year, share] of [
    [2023, 1],
    [2024, 1],
    [2025, 0.9],
    [2026, 0.65],
  ] as const) {
    const date = year === 2026 ? `${year}-03-31` : `${year}-12-31`;
    const units = (await unitsAsOf(ctx.db, { date, parentId: provinceId })).filter((u) =>
      ['department', 'management_board', 'district', 'commune'].includes(u.kind),
    );
    const random = rng(year * 7);
    const have = await unitsWithPlans(ctx, year);
    for (const [i, u] of units.entries()) {
      // Departments always issue theirs; localities by the share of the year.
      if (u.kind !== 'department' && random() > share) continue;
      if (have.has(u.id)) continue;
      const number = 10 + i;
      const issued = `${pad(5 + (i % 20))}/${year === 2025 && u.kind === 'commune' ? '07' : '01'}/${year}`;
      await insertPlanWithTasks(
        ctx,
        {
          year,
          ownerUnitId: u.id,
          ownerKind: 'unit',
          title: `Kế hoạch số ${number}/KH-${u.kind === 'department' ? 'S' : 'UBND'} ngày ${issued} về CCHC năm ${year} của ${u.fullName}`,
          method: 'count',
        },
        [],
      );
    }
  }
}
