import { describe, expect, it } from 'vitest';
import { defaultCommitteeName, unitLabel } from './naming';

const PREFIX = 'Ban Chỉ đạo cải cách hành chính';

describe("a committee's usual name, from its unit", () => {
  it('a province, district or commune: its level in lower case inside the name', () => {
    expect(defaultCommitteeName(PREFIX, 'Tỉnh Hà Tĩnh')).toBe('Ban Chỉ đạo cải cách hành chính tỉnh Hà Tĩnh');
    expect(defaultCommitteeName(PREFIX, 'Thành phố Hà Nội')).toBe(
      'Ban Chỉ đạo cải cách hành chính thành phố Hà Nội',
    );
    expect(defaultCommitteeName(PREFIX, 'Thị xã Kỳ Anh')).toBe(
      'Ban Chỉ đạo cải cách hành chính thị xã Kỳ Anh',
    );
    expect(defaultCommitteeName(PREFIX, 'Xã Kỳ Anh')).toBe('Ban Chỉ đạo cải cách hành chính xã Kỳ Anh');
    expect(defaultCommitteeName(PREFIX, 'Đặc khu Cồn Cỏ')).toBe(
      'Ban Chỉ đạo cải cách hành chính đặc khu Cồn Cỏ',
    );
  });

  it('an agency keeps its capital letter; no unit, no name', () => {
    expect(defaultCommitteeName(PREFIX, 'Sở Tư pháp')).toBe('Ban Chỉ đạo cải cách hành chính Sở Tư pháp');
    expect(defaultCommitteeName(PREFIX, undefined)).toBe('');
  });

  it('a province by its full name without the People’s Committee; others by their name', () => {
    expect(unitLabel({ kind: 'province', name: 'Hà Tĩnh', fullName: 'Tỉnh Hà Tĩnh' })).toBe('Tỉnh Hà Tĩnh');
    expect(unitLabel({ kind: 'province', name: 'Nghệ An', fullName: 'UBND tỉnh Nghệ An' })).toBe(
      'tỉnh Nghệ An',
    );
    expect(unitLabel({ kind: 'department', name: 'Sở Tư pháp', fullName: 'Sở Tư pháp tỉnh Hà Tĩnh' })).toBe(
      'Sở Tư pháp',
    );
    expect(unitLabel(undefined)).toBeUndefined();
  });
});
