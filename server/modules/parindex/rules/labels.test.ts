import { describe, expect, it } from 'vitest';
import { capitalize, compareCodes, itemLabel, levelOf, scoreLabel } from './labels.js';

describe('codes and their levels', () => {
  it('the number of dots says the level; B and P are bonus and penalty', () => {
    expect(levelOf('1')).toBe('field');
    expect(levelOf('12')).toBe('field');
    expect(levelOf('1.2')).toBe('criterion');
    expect(levelOf('1.2.3')).toBe('sub');
    expect(levelOf('B1')).toBe('bonus');
    expect(levelOf('P12')).toBe('penalty');
  });
  it('anything else is no level: zeros, leading zeros, lower case, four levels, blanks', () => {
    for (const code of ['0', '01', '1.0', '1.2.3.4', 'b1', 'B0', 'X1', '', '1.', '.1', ' 1'])
      expect(levelOf(code), code).toBeNull();
  });
  it('labels in both languages', () => {
    expect(itemLabel('1')).toEqual({ vi: 'lĩnh vực 1', en: 'field 1' });
    expect(itemLabel('1.2')).toEqual({ vi: 'tiêu chí 1.2', en: 'criterion 1.2' });
    expect(itemLabel('1.2.3')).toEqual({ vi: 'tiêu chí thành phần 1.2.3', en: 'sub-criterion 1.2.3' });
    expect(itemLabel('B1')).toEqual({ vi: 'điểm thưởng B1', en: 'bonus item B1' });
    expect(itemLabel('P1')).toEqual({ vi: 'điểm trừ P1', en: 'penalty item P1' });
    expect(itemLabel('x')).toEqual({ vi: 'mục x', en: 'item x' });
  });
  it('to units and the council every scored item is a "tiêu chí"', () => {
    expect(scoreLabel('3.2.1')).toEqual({ vi: 'tiêu chí 3.2.1', en: 'criterion 3.2.1' });
    expect(scoreLabel('B2')).toEqual({ vi: 'mục điểm thưởng B2', en: 'bonus item B2' });
    expect(scoreLabel('P1')).toEqual({ vi: 'mục điểm trừ P1', en: 'penalty item P1' });
  });
  it('capitalize', () => {
    expect(capitalize('tiêu chí 1.1')).toBe('Tiêu chí 1.1');
    expect(capitalize('đơn vị')).toBe('Đơn vị');
  });
});

describe('compareCodes: reading order', () => {
  it('numbers as numbers, parents before children, fields before bonus before penalty', () => {
    const codes = ['P2', 'B10', '1.10', '2', '1.2.1', 'B2', '1.2', '10', '1', 'P1', '1.9'];
    expect([...codes].sort(compareCodes)).toEqual([
      '1',
      '1.2',
      '1.2.1',
      '1.9',
      '1.10',
      '2',
      '10',
      'B2',
      'B10',
      'P1',
      'P2',
    ]);
  });
});
