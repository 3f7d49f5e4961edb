/** A procedure catalogue file (procedure-import.ts): the new columns, and old files without them. */
import { describe, expect, it } from 'vitest';
import { mapProcedureFile } from './procedure-import.js';

const rows = (...lines: string[][]) => lines.map((cells, i) => ({ row: i + 2, cells }));

describe('a catalogue file with the online level and publication', () => {
  const header = [
    'Mã TTHC',
    'Tên thủ tục',
    'Lĩnh vực',
    'Cấp thực hiện',
    'Thời hạn giải quyết',
    'Mức độ DVC',
    'Công khai',
  ];
  it('reads the words of NĐ 42/2022, the legacy levels and the publication', () => {
    const { changes, problems } = mapProcedureFile(
      header,
      rows(
        ['1.001234', 'Đăng ký khai sinh', 'Hộ tịch', 'Cấp xã', '3', 'Toàn trình', 'Có'],
        [
          '2.000123',
          'Cấp giấy phép xây dựng',
          'Xây dựng',
          'Cấp tỉnh',
          '15 ngày',
          'Mức độ 3',
          'Chưa công khai',
        ],
        ['1.000999', 'Cấp phiếu lý lịch tư pháp', 'Lý lịch tư pháp', 'Cấp tỉnh', '10', '2', ''],
      ),
      new Set(),
    );
    expect(problems).toEqual([]);
    expect(changes).toEqual([
      expect.objectContaining({
        code: '1.001234',
        level: 'commune',
        timeLimitDays: 3,
        onlineCapability: 'full',
        published: true,
      }),
      expect.objectContaining({
        code: '2.000123',
        level: 'province',
        timeLimitDays: 15,
        onlineCapability: 'partial',
        published: false,
      }),
      expect.objectContaining({ code: '1.000999', onlineCapability: 'none' }),
    ]);
    expect(changes[2]).not.toHaveProperty('published');
  });
  it('names every unreadable cell by row and column, and a code given twice', () => {
    const { problems } = mapProcedureFile(
      header,
      rows(
        ['1.001234', 'A', 'B', 'Cấp xã', 'ba', 'Mức độ 7', 'có lẽ'],
        ['1.001234', 'A', 'B', 'Cấp xã', '3', '', ''],
      ),
      new Set(),
    );
    expect(problems).toEqual([
      { row: 2, column: 'Thời hạn giải quyết', key: 'dossiers.procedure_import.bad_value' },
      { row: 2, column: 'Mức độ DVC', key: 'dossiers.procedure_import.bad_value' },
      { row: 2, column: 'Công khai', key: 'dossiers.procedure_import.bad_value' },
      { row: 3, column: 'Mã TTHC', key: 'dossiers.procedure_import.duplicate_code' },
    ]);
  });
});

describe('an old file (no online level, no publication column)', () => {
  const old = ['Mã TTHC', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Thời hạn giải quyết'];
  it('still imports: a known procedure keeps its level and publication (nothing about them in the change)', () => {
    const { changes, problems } = mapProcedureFile(
      old,
      rows(['1.001234', 'Đăng ký khai sinh (sửa)', 'Hộ tịch', 'Cấp xã', '3']),
      new Set(['1.001234']),
    );
    expect(problems).toEqual([]);
    expect(changes[0]).not.toHaveProperty('onlineCapability');
    expect(changes[0]).not.toHaveProperty('published');
    expect(changes[0]!.name).toBe('Đăng ký khai sinh (sửa)');
  });
  it('a new procedure needs its name, field, level and time limit; empty cells of a known one change nothing', () => {
    const { changes, problems } = mapProcedureFile(
      old,
      rows(['1.005555', '', 'Hộ tịch', '', '3'], ['1.001234', '', '', '', '']),
      new Set(['1.001234']),
    );
    expect(problems).toEqual([
      { row: 2, column: 'Tên thủ tục', key: 'dossiers.procedure_import.required' },
      { row: 2, column: 'Cấp thực hiện', key: 'dossiers.procedure_import.required' },
    ]);
    expect(changes[1]).toEqual({ row: 3, code: '1.001234' });
  });
  it('refuses a file without a code column', () => {
    expect(mapProcedureFile(['Tên thủ tục'], [], new Set()).problems).toEqual([
      { row: 1, column: 'Mã TTHC', key: 'dossiers.procedure_import.no_code_column' },
    ]);
  });
});
