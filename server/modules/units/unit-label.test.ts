import { describe, expect, it } from 'vitest';
import { TERRITORIAL_KINDS, unitDisplayName } from './unit-label.js';

describe('the name a unit is shown by', () => {
  it('a local government by its full name: the three Kỳ Anh of Hà Tĩnh stay apart', () => {
    const names = [
      { kind: 'district', name: 'Kỳ Anh', fullName: 'Huyện Kỳ Anh' },
      { kind: 'district', name: 'Kỳ Anh', fullName: 'Thị xã Kỳ Anh' },
      { kind: 'commune', name: 'Kỳ Anh', fullName: 'Xã Kỳ Anh' },
    ].map(unitDisplayName);
    expect(names).toEqual(['Huyện Kỳ Anh', 'Thị xã Kỳ Anh', 'Xã Kỳ Anh']);
    expect(unitDisplayName({ kind: 'province', name: 'Hà Tĩnh', fullName: 'Tỉnh Hà Tĩnh' })).toBe(
      'Tỉnh Hà Tĩnh',
    );
  });

  it('an agency by its name, without the province its full name adds', () => {
    expect(
      unitDisplayName({ kind: 'department', name: 'Sở Tư pháp', fullName: 'Sở Tư pháp tỉnh Hà Tĩnh' }),
    ).toBe('Sở Tư pháp');
    for (const kind of ['management_board', 'party_body', 'mass_organisation', 'other'])
      expect(unitDisplayName({ kind, name: 'Ban A', fullName: 'Ban A tỉnh B' })).toBe('Ban A');
  });

  it('a unit recorded without a full name keeps its name', () => {
    expect(unitDisplayName({ kind: 'commune', name: 'Xã Mới', fullName: null })).toBe('Xã Mới');
    expect(TERRITORIAL_KINDS).toEqual(['province', 'district', 'commune']);
  });
});
