/**
 * The questionnaire workbook (./xlsform.ts): every shipped template
 * and a form using every kind of question and condition go out to a workbook and come back as the very same
 * definition (the same hash); a broken file is refused with every problem named by sheet, row and column.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_SURVEYS } from './data/index.js';
import { definitionHash } from './rules/answers.js';
import { checkDefinition, type SurveyDefinition } from './rules/definition.js';
import {
  definitionToSheets,
  definitionWorkbook,
  readDefinitionWorkbook,
  sheetsToDefinition,
  SURVEY_COLUMNS,
} from './xlsform.js';

const FORM: SurveyDefinition = {
  title: { vi: 'Phiếu thử', en: 'Test form' },
  intro: { vi: 'Lời giới thiệu', en: '' },
  scales: {
    hai_long: [1, 2, 3, 4, 5].map((v) => ({ value: v as 1, label: { vi: `Mức ${v}`, en: `Level ${v}` } })),
  },
  elements: [
    { code: 'A', name: { vi: 'Tiếp cận', en: 'Access' } },
    { code: 'B', name: { vi: 'Thủ tục', en: 'Procedure' } },
  ],
  sections: [
    {
      code: 's1',
      title: { vi: 'Phần 1', en: 'Part 1' },
      help: { vi: 'Hướng dẫn phần 1', en: 'Help' },
      items: [
        {
          code: 'kenh',
          kind: 'single',
          text: { vi: 'Kênh nộp hồ sơ?', en: 'How?' },
          required: true,
          choices: [
            { code: 'truc_tiep', label: { vi: 'Trực tiếp', en: 'In person' } },
            { code: 'truc_tuyen', label: { vi: 'Trực tuyến', en: 'Online' } },
            { code: '3', label: { vi: "Bưu chính 'nhanh'", en: 'Post' } },
          ],
        },
        {
          code: 'so_lan',
          kind: 'number',
          text: { vi: 'Số lần đi lại', en: 'Trips' },
          min: 0,
          max: 20,
          integer: true,
          unit: { vi: 'lần', en: 'times' },
          required: false,
          showIf: { item: 'kenh', op: 'eq', value: 'truc_tiep' },
        },
        {
          code: 'mong_doi',
          kind: 'multiple',
          text: { vi: 'Mong đợi', en: 'Wishes' },
          minSelections: 1,
          maxSelections: 2,
          choices: [
            { code: 'a', label: { vi: 'A', en: 'A' } },
            { code: 'khong', label: { vi: 'Không có', en: 'None' }, exclusive: true },
          ],
          showIf: {
            any: [
              { item: 'kenh', op: 'in', value: ['truc_tiep', '3'] },
              { item: 'so_lan', op: 'gte', value: 2.5 },
            ],
          },
        },
      ],
    },
    {
      code: 's2',
      title: { vi: 'Phần 2', en: 'Part 2' },
      items: [
        {
          code: 'yt1',
          kind: 'matrix',
          text: { vi: 'Đánh giá', en: 'Ratings' },
          scale: 'hai_long',
          allowNa: true,
          naLabel: { vi: 'Không rõ', en: 'Unsure' },
          element: 'A',
          rows: [
            { code: '1.1', text: { vi: 'Nơi đón tiếp', en: 'Reception' }, help: { vi: 'ghi chú', en: '' } },
            { code: '1.2', text: { vi: 'Thủ tục', en: 'Procedure' }, element: 'B', indexKey: '3.6.1' },
          ],
        },
        {
          code: 'chung',
          kind: 'likert5',
          text: { vi: 'Hài lòng chung', en: 'Overall' },
          indexKey: '3.6.2',
          scale: [1, 2, 3, 4, 5].map((v) => ({ value: v as 1, label: { vi: `Riêng ${v}`, en: `Own ${v}` } })),
          showIf: {
            all: [
              { item: 'yt1', row: '1.1', op: 'lte', value: 2 },
              {
                any: [
                  { item: 'kenh', op: 'neq', value: '3' },
                  { item: 'so_lan', op: 'answered', value: false },
                ],
              },
              { all: [{ item: 'mong_doi', op: 'answered' }] },
            ],
          },
        },
        {
          code: 'y_kien',
          kind: 'text',
          text: { vi: 'Ý kiến khác', en: 'Other' },
          maxLength: 1000,
          multiline: true,
          showIf: { item: 'chung', op: 'answered', value: true },
        },
      ],
    },
  ],
};

describe('the questionnaire workbook', () => {
  it('a form with every kind of question and condition comes back the same (rows)', () => {
    expect(checkDefinition(FORM)).toEqual([]);
    const back = sheetsToDefinition(definitionToSheets(FORM));
    expect(back.problems).toEqual([]);
    expect(definitionHash(back.definition)).toBe(definitionHash(FORM));
  });

  it.each(SHIPPED_SURVEYS.map((s) => [s.key, s] as const))(
    'the shipped %s comes back the same through Excel',
    async (_k, s) => {
      const buffer = await definitionWorkbook(s.definition, s.title.vi);
      const back = await readDefinitionWorkbook({ buffer, filename: 'phieu.xlsx' });
      expect(back.problems).toEqual([]);
      expect(definitionHash(back.definition)).toBe(definitionHash(s.definition));
    },
  );

  it('the test form comes back the same through Excel', async () => {
    const back = await readDefinitionWorkbook({
      buffer: await definitionWorkbook(FORM, 'x'),
      filename: 'x.xlsx',
    });
    expect(back.problems).toEqual([]);
    expect(back.definition).toEqual(JSON.parse(JSON.stringify(FORM)));
  });

  it('a broken workbook names every problem by sheet, row and column', async () => {
    const sheets = definitionToSheets(FORM);
    const col = (name: (typeof SURVEY_COLUMNS)[number]) => SURVEY_COLUMNS.indexOf(name);
    sheets.survey[2]![col('relevant')] = "${kenh} = 'truc_tiep";
    sheets.survey[3]![col('type')] = 'select_many mong_doi';
    sheets.survey[4]![col('label::Tiếng Việt')] = null;
    sheets.survey.pop(); // the last end_group
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) {
      const ws = wb.addWorksheet(name);
      for (const r of rows) ws.addRow(r);
    }
    const back = await readDefinitionWorkbook({
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
      filename: 'x.xlsx',
    });
    const where = back.problems.map((p) => `${p.sheet}!${p.row} ${p.column ?? ''}`);
    expect(where).toEqual(
      expect.arrayContaining(['survey!3 relevant', 'survey!4 type', 'survey!5 label::Tiếng Việt']),
    );
    expect(back.problems.some((p) => /end_group/.test(p.message.en))).toBe(true);
    for (const p of back.problems) expect(p.message.vi && p.message.en).toBeTruthy();
  });

  it('refuses a file that is not a workbook by its content', async () => {
    await expect(
      readDefinitionWorkbook({ buffer: Buffer.from('type,name\ntext,a\n'), filename: 'phieu.xlsx' }),
    ).rejects.toMatchObject({ status: 415 });
  });
});
