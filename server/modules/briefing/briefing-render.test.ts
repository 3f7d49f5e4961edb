import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { briefingContent, type BriefingFacts } from './briefing-content.js';
import { chartSizeMm, CHART_MAX_HEIGHT_MM } from './briefing-docx.js';
import { renderBriefing } from './briefing-render.js';
import { FONTS_DIR } from './briefing.service.js';

const LONG =
  'Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh và các sở, ngành rà soát, tham mưu UBND tỉnh ban hành quy định về phân cấp, ủy quyền giải quyết thủ tục hành chính trên địa bàn tỉnh; báo cáo kết quả trước ngày 30/9.';

const FACTS: BriefingFacts = {
  meeting: { title: 'Phiên họp cuối năm', date: '2026-12-21', agenda: [] },
  committee: { name: 'Ban Chỉ đạo cải cách hành chính tỉnh Nghệ An' },
  issuer: { parentBody: 'UBND tỉnh Nghệ An', name: 'Sở Nội vụ' },
  place: 'Nghệ An',
  issuedOn: '2026-12-07',
  window: { from: '2025-07-19', to: '2026-12-07' },
  previousWindow: { from: '2024-02-28', to: '2025-07-18' },
  figures: [
    {
      key: 'a',
      label: 'Hoàn thành nhiệm vụ',
      unit: 'percent',
      better: 'higher',
      value: 62.5,
      numerator: 25,
      denominator: 40,
      previous: 55,
    },
    {
      key: 'b',
      label: 'Hồ sơ đúng hạn',
      unit: 'percent',
      better: 'higher',
      value: null,
      numerator: null,
      denominator: null,
      previous: null,
    },
  ],
  planByArea: {
    planTitle: 'Kế hoạch CCHC năm 2026',
    rows: [{ area: 'Cải cách thể chế', completionPct: 50, overdue: 1 }],
  },
  dossierTrend: [
    { month: '11/2026', onTime: 97, online: 55 },
    { month: '12/2026', onTime: 98, online: null },
  ],
  members: Array.from({ length: 20 }, (_, i) => ({
    name: `Nguyễn Văn Thành viên ${i + 1}`,
    position: 'uy_vien',
    office: 'Giám đốc Sở',
    units: Array.from({ length: 5 }, (_, j) => ({
      unitName: `Ủy ban nhân dân xã số ${i}-${j}`,
      byKind: { plan_task: j },
    })),
  })),
  previousMeeting: {
    title: 'Phiên họp sơ kết 6 tháng',
    date: '2025-07-18',
    conclusions: Array.from({ length: 30 }, (_, i) => ({
      ordinal: i + 1,
      text: LONG,
      leadUnitName: 'Sở Nội vụ',
      dueDate: '2025-09-30',
      state: 'overdue',
      daysOverdue: 40,
    })),
  },
};

describe('rendering the pack', () => {
  it('writes a .docx with the three charts and a PDF of many pages with the fonts embedded', async () => {
    const { docx, pdf } = await renderBriefing(briefingContent(FACTS), FONTS_DIR);
    const zip = await JSZip.loadAsync(docx);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
    expect(media).toHaveLength(3);
    for (const n of media)
      expect((await zip.file(n)!.async('uint8array')).subarray(1, 4)).toEqual(
        new Uint8Array([0x50, 0x4e, 0x47]),
      );
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Nguyễn Văn Thành viên 20');
    expect(xml).toContain('chưa có số liệu');
    const text = Buffer.from(pdf).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // 20 members' tables and 30 long conclusions run over many pages.
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSerif-Bold\b/);
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    // The three charts as images.
    expect((text.match(/\/Subtype \/Image/g) ?? []).length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('prints a chart the width of the text, capping a tall one', () => {
    expect(chartSizeMm({ width: 1800, height: 900 })).toEqual({ widthMm: 165, heightMm: 82.5 });
    const tall = chartSizeMm({ width: 1800, height: 5400 });
    expect(tall.heightMm).toBe(CHART_MAX_HEIGHT_MM);
    expect(tall.widthMm).toBeCloseTo((165 * 200) / 495);
  });
});
