import { describe, expect, it } from 'vitest';
import type { FrameworkSummary } from './api';
import { missingThisYear, whereOf } from './pageModel';

const version = (
  year: number,
  group: FrameworkSummary['unitGroup'],
  number: number,
  extra: Partial<FrameworkSummary> = {},
) =>
  ({
    id: `${year}-${group}-${number}`,
    year,
    unitGroup: group,
    number,
    status: 'draft',
    latest: false,
    ...extra,
  }) as FrameworkSummary;

describe('the year without a framework', () => {
  it('offers, per group, last year’s published latest version to copy forward', () => {
    const list = [
      version(2025, 'department', 1, { status: 'published' }),
      version(2025, 'department', 2, { status: 'published', latest: true }),
      version(2024, 'department', 1, { status: 'published', latest: true }),
      version(2024, 'commune', 1, { latest: true }),
      version(2026, 'other', 1, { latest: true }),
    ];
    expect(missingThisYear(list, 2026).map((m) => [m.group, m.from.id])).toEqual([
      ['department', '2025-department-2'],
      ['commune', '2024-commune-1'],
    ]);
    expect(missingThisYear(list, 2025).map((m) => m.group)).toEqual(['commune']);
    expect(missingThisYear([], 2026)).toEqual([]);
  });
});

describe('where a workbook problem is', () => {
  it('reads the sheet, the row and the column as the server joins them', () => {
    expect(whereOf('Bộ tiêu chí!12 Mã (Code)')).toMatchObject({
      sheet: 'items',
      row: 12,
      column: 'Mã (Code)',
    });
    expect(whereOf('Xếp loại và thiết lập!3')).toMatchObject({ sheet: 'settings', row: 3, column: null });
    expect(whereOf('Trang 1!7 Điểm')).toMatchObject({
      sheet: null,
      sheetName: 'Trang 1',
      row: 7,
      column: 'Điểm',
    });
    expect(whereOf('dòng 7')).toMatchObject({ sheet: null, row: 7 });
    expect(whereOf('1.2.3')).toMatchObject({ sheet: null, row: null, raw: '1.2.3' });
  });
});
