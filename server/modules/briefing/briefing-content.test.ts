import { describe, expect, it } from 'vitest';
import {
  briefingContent,
  briefingWindows,
  figureChange,
  figureValue,
  headOf,
  initials,
  kindBreakdown,
  NO_DATA,
  overdueRanking,
  safeFileBase,
  type BriefingFacts,
  type ContentBlock,
} from './briefing-content.js';

const EMPTY: BriefingFacts = {
  meeting: { title: 'Phiên họp thứ nhất năm 2027', date: '2027-01-15', agenda: [] },
  committee: { name: 'Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An' },
  issuer: { parentBody: 'UBND tỉnh Nghệ An', name: 'Sở Nội vụ' },
  place: 'Nghệ An',
  issuedOn: '2027-01-05',
  window: { from: '2026-07-19', to: '2027-01-04' },
  previousWindow: { from: '2026-01-01', to: '2026-07-18' },
  figures: null,
  planByArea: null,
  dossierTrend: [],
  members: [],
  previousMeeting: null,
};

/** Every text of the content, blocks flattened (table cells included). */
function allText(body: readonly ContentBlock[]): string {
  return body
    .map((b) => {
      if (b.kind === 'heading') return b.text;
      if (b.kind === 'paragraph')
        return typeof b.text === 'string' ? b.text : b.text.map((r) => r.text).join('');
      if (b.kind === 'table')
        return [...b.columns.map((c) => c.header), ...b.rows.flat(), b.emptyText ?? ''].join(' | ');
      return `${b.caption} ${b.chart.spec.emptyText ?? ''}`;
    })
    .join('\n');
}
const headings = (body: readonly ContentBlock[]) =>
  body.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const tables = (body: readonly ContentBlock[]) => body.filter((b) => b.kind === 'table');
const charts = (body: readonly ContentBlock[]) => body.filter((b) => b.kind === 'chart');

describe('the period reported on', () => {
  it('runs from the day after the previous session to the day before the meeting, compared with as long a period before', () => {
    expect(briefingWindows('2026-12-20', '2026-06-30', '2026-12-25')).toEqual({
      window: { from: '2026-07-01', to: '2026-12-19' },
      previous: { from: '2026-01-10', to: '2026-06-30' },
    });
  });
  it('stops at today for a meeting still to come', () => {
    expect(briefingWindows('2026-12-20', '2026-06-30', '2026-12-07').window).toEqual({
      from: '2026-07-01',
      to: '2026-12-07',
    });
  });
  it('starts on 1 January without a previous session', () => {
    const w = briefingWindows('2026-03-10', null, '2026-12-07');
    expect(w.window).toEqual({ from: '2026-01-01', to: '2026-03-09' });
    expect(w.previous).toEqual({ from: '2025-10-25', to: '2025-12-31' });
  });
  it('is one day when the previous session was the day before', () => {
    const w = briefingWindows('2026-03-10', '2026-03-09', '2026-12-07');
    expect(w.window).toEqual({ from: '2026-03-09', to: '2026-03-09' });
    expect(w.previous).toEqual({ from: '2026-03-08', to: '2026-03-08' });
  });
});

describe('figures in words', () => {
  const f = { unit: 'percent' as const, better: 'higher' as const, numerator: 35, denominator: 40 };
  it('writes a value with its fraction, and an unknown one as no data', () => {
    expect(figureValue({ ...f, value: 87.5 })).toBe('87,5% (35/40)');
    expect(figureValue({ ...f, value: 87.5, numerator: null, denominator: null })).toBe('87,5%');
    expect(figureValue({ ...f, value: null })).toBe(NO_DATA);
    expect(figureValue({ ...f, unit: 'count', value: 1234 })).toBe('1.234');
    expect(figureValue({ ...f, unit: 'points', value: 85.26 })).toBe('85,3 điểm');
    expect(figureValue({ ...f, value: Number.NaN })).toBe(NO_DATA);
  });
  it('says which way a change goes and whether it is better', () => {
    expect(figureChange({ ...f, value: 87.5, previous: 85 })).toBe('tăng 2,5 điểm % (tốt hơn)');
    expect(figureChange({ ...f, value: 80, previous: 85 })).toBe('giảm 5 điểm % (kém hơn)');
    expect(figureChange({ ...f, unit: 'count', better: 'lower', value: 12, previous: 15 })).toBe(
      'giảm 3 (tốt hơn)',
    );
    expect(figureChange({ ...f, unit: 'count', better: 'lower', value: 15, previous: 12 })).toBe(
      'tăng 3 (kém hơn)',
    );
    expect(figureChange({ ...f, unit: 'points', value: 86, previous: 85 })).toBe('tăng 1 điểm (tốt hơn)');
    expect(figureChange({ ...f, value: 85.01, previous: 85 })).toBe('không đổi');
    expect(figureChange({ ...f, value: null, previous: 85 })).toBe('—');
    expect(figureChange({ ...f, value: 85, previous: null })).toBe('—');
  });
});

describe('small rules', () => {
  it('takes the symbol from the agency’s initials and its head’s title', () => {
    expect(initials('Sở Nội vụ')).toBe('SNV');
    expect(initials('Văn phòng UBND tỉnh')).toBe('VPUT');
    expect(initials('Sở Khoa học và Công nghệ (cũ)')).toBe('SKHVCN');
    expect(initials('')).toBe('CQTT');
    expect(headOf('Sở Nội vụ')).toBe('Giám đốc');
    expect(headOf('Văn phòng UBND tỉnh')).toBe('Thủ trưởng cơ quan');
  });
  it('lists overdue work by kind in the engine’s order', () => {
    expect(kindBreakdown({ periodic_report: 1, plan_task: 3, feedback_case: 0 })).toBe(
      'Nhiệm vụ kế hoạch: 3; Báo cáo định kỳ: 1',
    );
    expect(kindBreakdown({})).toBe('Không có việc quá hạn');
    expect(kindBreakdown({ some_new_kind: 2 })).toBe('some_new_kind: 2');
  });
  it('ranks units by overdue work, Vietnamese order on ties, without the ones owing nothing', () => {
    const ranked = overdueRanking([
      {
        name: 'A',
        position: 'uy_vien',
        office: null,
        units: [
          { unitName: 'Sở Y tế', byKind: { plan_task: 2 } },
          { unitName: 'Sở Công Thương', byKind: {} },
        ],
      },
      {
        name: 'B',
        position: 'uy_vien',
        office: null,
        units: [
          { unitName: 'Đoàn ĐBQH', byKind: { plan_task: 1, periodic_report: 1 } },
          { unitName: 'Sở Xây dựng', byKind: { plan_task: 5 } },
        ],
      },
    ]);
    expect(ranked).toEqual([
      { unitName: 'Sở Xây dựng', overdue: 5 },
      { unitName: 'Đoàn ĐBQH', overdue: 2 },
      { unitName: 'Sở Y tế', overdue: 2 },
    ]);
  });
  it('makes a file name without separators', () => {
    expect(safeFileBase('Tài liệu 15/01/2027: "họp"')).toBe('Tài liệu 15-01-2027- -họp-');
    expect(safeFileBase('x'.repeat(400))).toHaveLength(150);
  });
});

describe('the content', () => {
  it('holds every section even with no data, saying “chưa có số liệu” rather than 0', () => {
    const c = briefingContent(EMPTY);
    expect(c.title).toBe(
      'Báo cáo tóm tắt phục vụ phiên họp Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An ngày 15/01/2027',
    );
    expect(c.docType).toBe('Báo cáo');
    expect(c.summary).toBe(
      'Tóm tắt phục vụ phiên họp Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An ngày 15/01/2027',
    );
    expect(c.symbol).toBe('BC-SNV');
    expect(c.signature.position).toBe('Giám đốc');
    expect(c.recipients.at(-1)).toBe('Lưu: VT, SNV');
    expect(headings(c.body)).toEqual([
      'I. MỘT SỐ CHỈ SỐ CHỦ YẾU TỪ 19/07/2026 ĐẾN 04/01/2027',
      'II. VIỆC QUÁ HẠN CỦA CÁC ĐƠN VỊ DO THÀNH VIÊN BAN CHỈ ĐẠO THEO DÕI',
      'III. KẾT QUẢ THỰC HIỆN KẾT LUẬN PHIÊN HỌP TRƯỚC',
      'IV. ĐỀ XUẤT NỘI DUNG PHIÊN HỌP',
    ]);
    const text = allText(c.body);
    expect(text).toContain(`Các chỉ số toàn tỉnh: ${NO_DATA}.`);
    expect(text).toContain(`Thành phần Ban Chỉ đạo tại ngày 15/01/2027: ${NO_DATA}.`);
    expect(text).toContain('Ban Chỉ đạo chưa có phiên họp trước phiên họp này.');
    expect(text).toContain('Các nội dung khác do Trưởng ban Ban Chỉ đạo quyết định.');
    expect(charts(c.body).map((b) => b.id)).toEqual(['plan-by-area', 'overdue-by-unit', 'dossier-trend']);
    for (const ch of charts(c.body)) expect(ch.chart.spec.emptyText).toBeTruthy();
    expect(tables(c.body)[0]!.rows).toEqual([]);
    expect(c.fileBase).toBe('Tài liệu phục vụ họp 15-01-2027');
  });

  it('writes the figures with the previous period and the change; unknown ones as no data', () => {
    const c = briefingContent({
      ...EMPTY,
      figures: [
        {
          key: 'plan.completion',
          label: 'Hoàn thành nhiệm vụ',
          unit: 'percent',
          better: 'higher',
          value: 62.5,
          numerator: 25,
          denominator: 40,
          previous: 55,
        },
        {
          key: 'dossiers.onTime',
          label: 'Hồ sơ đúng hạn',
          unit: 'percent',
          better: 'higher',
          value: null,
          numerator: null,
          denominator: null,
          previous: 98,
        },
        {
          key: 'plan.overdue',
          label: 'Nhiệm vụ quá hạn',
          unit: 'count',
          better: 'lower',
          value: 0,
          numerator: 0,
          denominator: 40,
          previous: null,
        },
      ],
    });
    expect(tables(c.body)[0]!.rows).toEqual([
      ['1', 'Hoàn thành nhiệm vụ', '62,5% (25/40)', '55%', 'tăng 7,5 điểm % (tốt hơn)'],
      ['2', 'Hồ sơ đúng hạn', NO_DATA, '98%', '—'],
      ['3', 'Nhiệm vụ quá hạn', '0', NO_DATA, '—'],
    ]);
  });

  it('lists each member with the units they follow, most overdue first, and charts the units', () => {
    const long =
      'Ủy ban nhân dân xã Quỳnh Lưu (sáp nhập từ các xã Quỳnh Hưng, Quỳnh Bá, Quỳnh Ngọc và thị trấn Cầu Giát theo Nghị quyết 1234/NQ-UBTVQH15)';
    const members = Array.from({ length: 25 }, (_, i) => ({
      name: `Thành viên ${i + 1}`,
      position: i === 0 ? 'truong_ban' : 'uy_vien',
      office: i === 0 ? 'Chủ tịch UBND tỉnh' : null,
      units: Array.from({ length: 6 }, (_, j) => ({
        unitName: j === 0 ? `${long} ${i}` : `Đơn vị ${i}-${j}`,
        byKind: (j % 3 === 0 ? {} : { plan_task: j, feedback_case: i % 2 }) as Record<string, number>,
      })),
    }));
    const c = briefingContent({
      ...EMPTY,
      members: [...members, { name: 'Người chưa phân công', position: 'thu_ky', office: null, units: [] }],
    });
    const text = allText(c.body);
    expect(text).toContain('1. Đồng chí Thành viên 1 — Trưởng ban, Chủ tịch UBND tỉnh');
    expect(text).toContain('26. Đồng chí Người chưa phân công — Thư ký');
    expect(text).toContain('Chưa được phân công theo dõi đơn vị.');
    const memberTables = tables(c.body).slice(1);
    expect(memberTables).toHaveLength(25);
    const first = memberTables[1]!;
    expect(first.rows[0]).toEqual(['1', 'Đơn vị 1-5', '6', 'Nhiệm vụ kế hoạch: 5; Phản ánh, kiến nghị: 1']);
    expect(first.rows.at(-1)![3]).toBe('Không có việc quá hạn');
    expect(first.rows.some((r) => r[1] === `${long} 1`)).toBe(true);
    const chart = charts(c.body).find((b) => b.id === 'overdue-by-unit')!;
    expect(chart.chart.type).toBe('bar');
    if (chart.chart.type === 'bar') expect(chart.chart.spec.categories).toHaveLength(15);
    // 25 members × 4 units owing work.
    expect(text).toContain('100 đơn vị do thành viên Ban Chỉ đạo theo dõi có việc quá hạn');
    expect(text).toMatch(/Cho ý kiến chỉ đạo xử lý [\d.]+ việc quá hạn của 100 đơn vị nêu tại mục II\./);
  });

  it('reports the last session’s conclusions with their state, and the agenda when there is one', () => {
    const c = briefingContent({
      ...EMPTY,
      meeting: {
        ...EMPTY.meeting,
        agenda: ['Đánh giá kết quả CCHC năm 2026', '  ', 'Nhiệm vụ trọng tâm năm 2027'],
      },
      previousMeeting: {
        title: 'Phiên họp sơ kết 6 tháng',
        date: '2026-07-18',
        conclusions: [
          {
            ordinal: 2,
            text: 'Rà soát thủ tục',
            leadUnitName: null,
            dueDate: null,
            state: 'untracked',
            daysOverdue: 0,
          },
          {
            ordinal: 1,
            text: 'Số hóa hồ sơ',
            leadUnitName: 'Sở Nội vụ',
            dueDate: '2026-09-30',
            state: 'overdue',
            daysOverdue: 12,
          },
          {
            ordinal: 3,
            text: 'Khảo sát SIPAS',
            leadUnitName: 'Sở Nội vụ',
            dueDate: '2026-10-30',
            state: 'done',
            daysOverdue: 0,
          },
        ],
      },
    });
    const text = allText(c.body);
    expect(text).toContain(
      'Phiên họp sơ kết 6 tháng ngày 18/07/2026 có 3 kết luận: hoàn thành 1; đã báo cáo, chờ xác nhận 0; đang thực hiện 0; quá hạn 1; chưa giao nhiệm vụ 1.',
    );
    const t = tables(c.body)[1]!;
    expect(t.rows).toEqual([
      ['1', 'Số hóa hồ sơ', 'Sở Nội vụ', '30/09/2026', 'Quá hạn (12 ngày)'],
      ['2', 'Rà soát thủ tục', '—', '—', 'Chưa giao nhiệm vụ'],
      ['3', 'Khảo sát SIPAS', 'Sở Nội vụ', '30/10/2026', 'Hoàn thành'],
    ]);
    expect(text).toContain('1. Đánh giá kết quả CCHC năm 2026');
    expect(text).toContain('2. Nhiệm vụ trọng tâm năm 2027');
    expect(text).not.toContain('Chương trình phiên họp chưa được ghi nhận');
  });

  it('says when the last session recorded no conclusion, and proposes following up open ones otherwise', () => {
    const none = briefingContent({
      ...EMPTY,
      previousMeeting: { title: 'Phiên họp A', date: '2026-07-18', conclusions: [] },
    });
    expect(allText(none.body)).toContain('Phiên họp A ngày 18/07/2026 không ghi nhận kết luận.');
    const open = briefingContent({
      ...EMPTY,
      previousMeeting: {
        title: 'Phiên họp A',
        date: '2026-07-18',
        conclusions: [
          { ordinal: 1, text: 'x', leadUnitName: null, dueDate: null, state: 'in_progress', daysOverdue: 0 },
        ],
      },
    });
    expect(allText(open.body)).toContain(
      'Đôn đốc thực hiện 1 kết luận chưa hoàn thành của phiên họp trước nêu tại mục III.',
    );
  });

  it('charts the plan by area and the dossiers month by month', () => {
    const c = briefingContent({
      ...EMPTY,
      planByArea: {
        planTitle: 'Kế hoạch CCHC năm 2026',
        rows: [
          { area: 'Cải cách thể chế', completionPct: 50, overdue: 1 },
          { area: 'Cải cách tài chính công', completionPct: null, overdue: 0 },
        ],
      },
      dossierTrend: [
        { month: '11/2026', onTime: 97.5, online: null },
        { month: '12/2026', onTime: 98, online: 60 },
      ],
    });
    const [area, , trend] = charts(c.body);
    expect(area!.caption).toContain('Kế hoạch CCHC năm 2026');
    expect(area!.chart.spec).toMatchObject({
      categories: ['Cải cách thể chế', 'Cải cách tài chính công'],
      series: [{ values: [50, null] }],
    });
    expect(trend!.chart.spec).toMatchObject({
      labels: ['11/2026', '12/2026'],
      series: [{ values: [97.5, 98] }, { values: [null, 60] }],
    });
  });

  it('has no parent body line for a committee without a standing agency', () => {
    const c = briefingContent({
      ...EMPTY,
      issuer: { parentBody: null, name: 'Ban Chỉ đạo CCHC xã Quỳnh Lưu' },
    });
    expect(c.parentBody).toBeNull();
    expect(c.signature.position).toBe('Thủ trưởng cơ quan');
  });
});
