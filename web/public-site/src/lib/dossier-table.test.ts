import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOSSIER_SORT,
  dossierRows,
  naturalDir,
  parseDossierSort,
  sortDossierRows,
} from './dossier-table';

const row = (
  unitName: string,
  received: number,
  onTimePercent: number | null,
  onlinePercent: number | null,
) => ({
  unitName,
  received,
  resolved: Math.round(received / 2),
  onTimePercent,
  onlinePercent,
});

const rows = [
  row('Sở Tư pháp', 1200, 99.5, 80),
  row('Sở Đào tạo', 300, null, 40),
  row('Sở Du lịch', 300, 97, null),
  row('UBND xã Anh Sơn', 5000, 98.25, 61.5),
];
const names = (list: { unitName: string }[]) => list.map((r) => r.unitName);

describe('the dossiers table', () => {
  it('reads its sort from the address (default: most received first)', () => {
    expect(parseDossierSort('')).toEqual(DEFAULT_DOSSIER_SORT);
    expect(parseDossierSort('-onTime')).toEqual({ key: 'onTime', dir: 'desc' });
    expect(parseDossierSort('unit')).toEqual({ key: 'unit', dir: 'asc' });
    expect(parseDossierSort('-bogus')).toEqual(DEFAULT_DOSSIER_SORT);
    expect(naturalDir('unit')).toBe('asc');
    expect(naturalDir('online')).toBe('desc');
  });

  it('sorts names in Vietnamese order (Đ after D)', () => {
    expect(names(sortDossierRows(rows, { key: 'unit', dir: 'asc' }))).toEqual([
      'Sở Du lịch',
      'Sở Đào tạo',
      'Sở Tư pháp',
      'UBND xã Anh Sơn',
    ]);
    expect(names(sortDossierRows(rows, { key: 'unit', dir: 'desc' }))[0]).toBe('UBND xã Anh Sơn');
  });

  it('sorts figures either way, ties by name, missing figures always last', () => {
    expect(names(sortDossierRows(rows, { key: 'received', dir: 'desc' }))).toEqual([
      'UBND xã Anh Sơn',
      'Sở Tư pháp',
      'Sở Du lịch',
      'Sở Đào tạo',
    ]);
    expect(names(sortDossierRows(rows, { key: 'received', dir: 'asc' }))).toEqual([
      'Sở Du lịch',
      'Sở Đào tạo',
      'Sở Tư pháp',
      'UBND xã Anh Sơn',
    ]);
    expect(names(sortDossierRows(rows, { key: 'onTime', dir: 'desc' }))).toEqual([
      'Sở Tư pháp',
      'UBND xã Anh Sơn',
      'Sở Du lịch',
      'Sở Đào tạo',
    ]);
    expect(names(sortDossierRows(rows, { key: 'onTime', dir: 'asc' })).at(-1)).toBe('Sở Đào tạo');
    expect(names(sortDossierRows(rows, { key: 'online', dir: 'asc' })).at(-1)).toBe('Sở Du lịch');
  });

  it('searches names without accents, then sorts; the input is left as it was', () => {
    const before = names(rows);
    expect(names(dossierRows(rows, 'so d', { key: 'unit', dir: 'asc' }))).toEqual([
      'Sở Du lịch',
      'Sở Đào tạo',
      'UBND xã Anh Sơn',
    ]);
    expect(names(dossierRows(rows, 'so dao', DEFAULT_DOSSIER_SORT))).toEqual(['Sở Đào tạo']);
    expect(names(dossierRows(rows, 'anh son', DEFAULT_DOSSIER_SORT))).toEqual(['UBND xã Anh Sơn']);
    expect(names(rows)).toEqual(before);
  });
});
