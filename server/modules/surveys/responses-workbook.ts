/**
 * The anonymised answers of a survey as an Excel workbook, for the office's own analysis: one row per response with
 * its unit, group, channel, day (never a time), version and duration, then one column per question — a matrix row
 * by row — headed by its code and wording. Choices are written by their Vietnamese label, scale points as numbers
 * 1–5 ("Không ý kiến" as its label). No response id, no invitation, no respondent: a row names nobody.
 */
import ExcelJS from 'exceljs';
import type { NormalisedAnswers } from './rules/answers.js';
import {
  DEFAULT_NA_LABEL,
  flattenItems,
  type SurveyDefinition,
  type SurveyItem,
} from './rules/definition.js';
import { shorten } from './rules/text.js';

export type ExportRow = {
  unit: string;
  group: string;
  channel: string;
  day: string;
  version: number;
  minutes: number | null;
  answers: NormalisedAnswers;
};

type Column = { header: string; width: number; read: (a: NormalisedAnswers) => string | number | null };

/** One column per question (a matrix: per row) over every version, newest first (a code keeps its first wording). */
function answerColumns(versions: readonly SurveyDefinition[]): Column[] {
  const columns: Column[] = [];
  const seen = new Set<string>();
  const label = (item: SurveyItem, v: unknown): string | number | null => {
    if (v === undefined || v === null || v === '') return null;
    if (item.kind === 'single' || item.kind === 'multiple') {
      const list = Array.isArray(v) ? v : [v];
      return list.map((c) => item.choices.find((x) => x.code === c)?.label.vi ?? String(c)).join('; ');
    }
    if ((item.kind === 'likert5' || item.kind === 'matrix') && v === 'na')
      return (item.naLabel ?? DEFAULT_NA_LABEL).vi;
    if (typeof v === 'number' || typeof v === 'string') return v;
    return JSON.stringify(v);
  };
  for (const def of versions)
    for (const { item } of flattenItems(def)) {
      if (item.kind === 'matrix') {
        for (const row of item.rows) {
          const key = `${item.code}/${row.code}`;
          if (seen.has(key)) continue;
          seen.add(key);
          columns.push({
            header: `${row.code} – ${shorten(row.text.vi, 80)}`,
            width: 12,
            read: (a) => {
              const m = a[item.code];
              return m && typeof m === 'object' && !Array.isArray(m)
                ? label(item, (m as Record<string, unknown>)[row.code])
                : null;
            },
          });
        }
        continue;
      }
      if (seen.has(item.code)) continue;
      seen.add(item.code);
      columns.push({
        header: `${item.code} – ${shorten(item.text.vi, 80)}`,
        width: item.kind === 'text' ? 40 : item.kind === 'multiple' ? 30 : 16,
        read: (a) => label(item, a[item.code]),
      });
    }
  return columns;
}

export async function responsesWorkbook(o: {
  title: string;
  versions: readonly SurveyDefinition[];
  rows: readonly ExportRow[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chidao';
  wb.title = o.title;
  const ws = wb.addWorksheet('Phiếu trả lời');
  const fixed: Column[] = [
    { header: 'Đơn vị', width: 30, read: () => null },
    { header: 'Nhóm đối tượng', width: 16, read: () => null },
    { header: 'Kênh', width: 22, read: () => null },
    { header: 'Ngày', width: 12, read: () => null },
    { header: 'Phiên bản phiếu', width: 10, read: () => null },
    { header: 'Số phút làm phiếu', width: 10, read: () => null },
  ];
  const columns = answerColumns(o.versions);
  const header = ws.addRow([...fixed, ...columns].map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const r of o.rows)
    ws.addRow([
      r.unit,
      r.group,
      r.channel,
      r.day,
      r.version,
      r.minutes,
      ...columns.map((c) => c.read(r.answers)),
    ]);
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  [...fixed, ...columns].forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const notes = wb.addWorksheet('Ghi chú');
  for (const line of [
    [o.title],
    [`${o.rows.length} phiếu trả lời; mỗi dòng một phiếu, sắp theo ngày (không theo thứ tự nhận).`],
    ['Không có mã phiếu, thư mời, tài khoản hay giờ gửi: dữ liệu đã ẩn danh.'],
    ['Mức 1–5: 1 = thấp nhất (rất không hài lòng / hoàn toàn không đồng ý), 5 = cao nhất.'],
  ])
    notes.addRow(line);
  notes.getColumn(1).width = 110;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
